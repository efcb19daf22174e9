using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Chat.Frontend.Accounts.Email;

/// <summary>
/// The <c>Email</c> section. Without <c>Smtp:Host</c>, mail is written as .eml files to
/// <see cref="SinkFolder"/> (development); with it, mail goes out over SMTP.
/// </summary>
public sealed class EmailSettings : IValidatableObject
{
    public const string Section = "Email";
    private static readonly string[] SecurityModes = ["auto", "starttls", "ssl", "none"];

    public string SinkFolder { get; set; } = Path.Combine(Path.GetTempPath(), "chatgrid-mail");

    public string From { get; set; } = "Chat Grid <no-reply@chatgrid.invalid>";

    /// <summary>The web client's public address, where every link in an email points (required: never taken from a request).</summary>
    public string? LinkBaseUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("is not an email address", [nameof(From)]);
        }

        if (string.IsNullOrWhiteSpace(LinkBaseUrl))
        {
            yield return new ValidationResult("is missing: the web client's public address, e.g. https://chat.example.com", [nameof(LinkBaseUrl)]);
        }
        else if (!(Uri.TryCreate(LinkBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(LinkBaseUrl)]);
        }

        if (!UsesSmtp && string.IsNullOrWhiteSpace(SinkFolder))
        {
            yield return new ValidationResult("is missing (or set Email:Smtp:Host)", [nameof(SinkFolder)]);
        }

        if (Smtp.Port is < 1 or > 65_535)
        {
            yield return new ValidationResult("must be 1 to 65535", ["Smtp:Port"]);
        }

        if (!SecurityModes.Contains(Smtp.Security))
        {
            yield return new ValidationResult("must be auto, starttls, ssl or none", ["Smtp:Security"]);
        }
    }
}
