using System.Text.RegularExpressions;
using MimeKit;

namespace Chat.Tests.Accounts;

/// <summary>Reads the .eml files a Frontend's folder sink writes, waiting on the folder's change events rather than polling.</summary>
public static partial class MailSink
{
    /// <summary>The first email to <paramref name="to"/> with a token link to <paramref name="page"/> that is not in <paramref name="seen"/>.</summary>
    public static async Task<(MimeMessage Message, string Token)> WaitForAsync(string folder, string to, string page, ISet<string>? seen = null, TimeSpan? within = null)
    {
        Directory.CreateDirectory(folder);
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder) { EnableRaisingEvents = true };
        watcher.Created += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase))
                    && TokenLink().Match(message.TextBody ?? "") is { Success: true } match
                    && match.Groups["page"].Value == page
                    && (seen is null || seen.Add(Uri.UnescapeDataString(match.Groups["token"].Value))))
                {
                    return (message, Uri.UnescapeDataString(match.Groups["token"].Value));
                }
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await changed.WaitAsync(remaining))
            {
                throw new TimeoutException($"no {page} email to {to} arrived in {folder}");
            }
        }
    }

    /// <summary>How many emails to <paramref name="to"/> the folder holds now.</summary>
    public static async Task<int> CountAsync(string folder, string to)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            count += message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        }

        return count;
    }

    [GeneratedRegex(@"/(?<page>[a-z-]+)\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex TokenLink();
}
