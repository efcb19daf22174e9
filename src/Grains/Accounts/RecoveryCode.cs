using System.Security.Cryptography;
using System.Text;

namespace Chat.Accounts;

/// <summary>
/// Two-factor recovery codes: ten characters shown as <c>xxxxx-xxxxx</c>, from an alphabet without
/// look-alike characters; compared after dropping dashes and spaces and lower-casing.
/// </summary>
public static class RecoveryCode
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Chars = 10;

    public static IReadOnlyList<string> Generate(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetString(Alphabet, Chars).Insert(Chars / 2, "-"))];

    /// <summary>The canonical form of something typed as a recovery code, or null if it cannot be one.</summary>
    public static string? Normalize(string input)
    {
        var normalized = input.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return normalized.Length == Chars && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normalized : null;
    }

    public static byte[] Hash(string normalized) => SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
}
