using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chat.Tests.Accounts;

/// <summary>Reads the <c>.sms.json</c> files a Frontend's folder sink writes.</summary>
public static partial class SmsSink
{
    /// <summary>The code of the first text of <paramref name="kind"/> to <paramref name="to"/> not in <paramref name="seen"/>, polling until one arrives.</summary>
    public static async Task<string> WaitForCodeAsync(string folder, string to, string kind, ISet<string> seen, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var (fileKind, fileTo, code) in await ReadAllAsync(folder))
            {
                if (fileKind == kind && fileTo == to && seen.Add(code))
                {
                    return code;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {kind} text to {to} arrived in {folder}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>How many texts to <paramref name="to"/> the folder holds now.</summary>
    public static async Task<int> CountAsync(string folder, string to) => (await ReadAllAsync(folder)).Count(t => t.To == to);

    private static async Task<List<(string Kind, string To, string Code)>> ReadAllAsync(string folder)
    {
        var texts = new List<(string, string, string)>();
        if (!Directory.Exists(folder))
        {
            return texts;
        }

        foreach (var file in Directory.GetFiles(folder, "*.sms.json").Order(StringComparer.Ordinal))
        {
            var json = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            var code = Code().Match(json.GetProperty("text").GetString()!).Value;
            texts.Add((json.GetProperty("kind").GetString()!, json.GetProperty("to").GetString()!, code));
        }

        return texts;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex Code();
}
