using System.ComponentModel.DataAnnotations;

namespace Chat.Frontend.Accounts.Sms;

/// <summary>The <c>Sms</c> section: text messages are written as JSON files to <see cref="SinkFolder"/> (development).</summary>
public sealed class SmsSettings
{
    public const string Section = "Sms";

    [Required]
    public string SinkFolder { get; set; } = Path.Combine(Path.GetTempPath(), "chatgrid-sms");
}
