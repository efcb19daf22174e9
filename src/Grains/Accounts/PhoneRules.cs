using System.Text.RegularExpressions;
using Chat.Errors;

namespace Chat.Accounts;

/// <summary>
/// Phone numbers in E.164: a '+' and 8-15 digits. Spaces, dashes, dots and parentheses people type
/// between digits are dropped, so one number has one key.
/// </summary>
public static partial class PhoneRules
{
    /// <summary>The normalised number, or a bad request if it is not E.164.</summary>
    public static string Normalize(string? phone)
    {
        return TryNormalize(phone)
            ?? throw ChatException.BadRequest($"phone must be E.164: '+' and {Limits.MinPhoneDigits}-{Limits.MaxPhoneDigits} digits");
    }

    /// <summary>The normalised number, or null if it is not E.164 (people search: a partial number finds no one, it is no error).</summary>
    public static string? TryNormalize(string? phone)
    {
        var stripped = phone is { Length: <= Limits.MaxPhoneInputChars } ? Separators().Replace(phone.Trim(), "") : "";
        return E164().IsMatch(stripped) ? stripped : null;
    }

    /// <summary>A bad request unless <paramref name="code"/> is exactly the digits of a texted code.</summary>
    public static string RequireCodeShape(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length != Limits.PhoneCodeDigits || !trimmed.All(char.IsAsciiDigit))
        {
            throw ChatException.BadRequest($"code must be {Limits.PhoneCodeDigits} digits");
        }

        return trimmed;
    }

    [GeneratedRegex(@"[\s\-.()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[0-9]{8,15}$")]
    private static partial Regex E164();
}
