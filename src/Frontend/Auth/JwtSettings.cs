using System.ComponentModel.DataAnnotations;

namespace Chat.Frontend.Auth;

/// <summary>The <c>Jwt</c> section. The first signing key signs; all of them verify, so keys can be rotated.</summary>
public sealed class JwtSettings : IValidatableObject
{
    public const string Section = "Jwt";
    private const int MinKeyChars = 32;

    [Required(ErrorMessage = "is missing")]
    public string Issuer { get; set; } = "chatgrid";

    [Required(ErrorMessage = "is missing")]
    public string Audience { get; set; } = "chatgrid";

    public List<string> SigningKeys { get; set; } = [];

    [Range(1, 1440, ErrorMessage = "must be 1 to 1440 minutes")]
    public int AccessTokenMinutes { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKeys.Count == 0)
        {
            yield return new ValidationResult("is missing (at least one key of 32+ characters)", [nameof(SigningKeys)]);
        }
        else if (SigningKeys.Any(k => k.Length < MinKeyChars))
        {
            yield return new ValidationResult($"every key must be at least {MinKeyChars} characters", [nameof(SigningKeys)]);
        }
    }
}
