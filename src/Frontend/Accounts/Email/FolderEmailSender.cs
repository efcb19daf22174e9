namespace Chat.Frontend.Accounts.Email;

/// <summary>
/// The development sink: each email becomes an .eml file in <see cref="EmailSettings.SinkFolder"/>,
/// written under a temporary name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class FolderEmailSender(EmailSettings settings, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.SinkFolder);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{message.Kind}-{Guid.NewGuid():N}";
        var partial = Path.Combine(settings.SinkFolder, name + ".tmp");
        await message.ToMimeMessage(settings.From).WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(settings.SinkFolder, name + ".eml"));
    }
}
