using System.ComponentModel.DataAnnotations;

namespace Chat.Frontend.Security;

/// <summary>The <c>Cors</c> section: web origins other than the Frontend's own that may call the API and the hub from a browser. None by default.</summary>
public sealed class CorsSettings : IValidatableObject
{
    public const string Section = "Cors";

    /// <summary>Origins such as <c>https://chat.example.com</c>: scheme, host and optional port, nothing else.</summary>
    public string[] Origins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in Origins)
        {
            if (!IsOrigin(origin))
            {
                yield return new ValidationResult(
                    $"'{origin}' is not an origin (http or https, host, optional port; no path, query or *)", [nameof(Origins)]);
                yield break;
            }
        }
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !value.Contains('*', StringComparison.Ordinal)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
