using System.Text.Json;

namespace Chat.Frontend.Accounts.Sms;

/// <summary>
/// The development sink: each text becomes a <c>.sms.json</c> file (<c>{kind, to, text}</c>) in
/// <see cref="SmsSettings.SinkFolder"/>, written under a temporary name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class FolderSmsSender(SmsSettings settings, TimeProvider time) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.SinkFolder);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss-fff}-{message.Kind}-{Guid.NewGuid():N}";
        var partial = Path.Combine(settings.SinkFolder, name + ".tmp");
        await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(new { kind = message.Kind, to = message.To, text = message.Text }), cancellationToken);
        File.Move(partial, Path.Combine(settings.SinkFolder, name + ".sms.json"));
    }
}
