using System.ComponentModel.DataAnnotations;

namespace Chat.Frontend.Calls;

/// <summary>The <c>Turn</c> section: the STUN and TURN servers clients use, and the coturn <c>use-auth-secret</c> shared secret.</summary>
public sealed class TurnSettings : IValidatableObject
{
    public const string Section = "Turn";

    /// <summary>coturn's <c>static-auth-secret</c>; required once TURN URLs are configured.</summary>
    public string? Secret { get; set; }

    public string[] Urls { get; set; } = [];

    public string[] StunUrls { get; set; } = [];

    [Range(1, 1440, ErrorMessage = "must be 1 to 1440")]
    public int CredentialLifetimeMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Urls.Length > 0 && string.IsNullOrWhiteSpace(Secret))
        {
            yield return new ValidationResult("is required when Turn:Urls are configured", [nameof(Secret)]);
        }
    }
}
