using System.Text;
using System.Text.RegularExpressions;
using Chat.Errors;
using Chat.Text;

namespace Chat.Accounts;

/// <summary>
/// Normalisation and validation of what people sign up with. Keys are NFKC-normalised and
/// lower-cased, so names that differ only by case or Unicode form are the same account.
/// </summary>
public static partial class AccountRules
{
    public static string UsernameKey(string username) => username.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static string EmailKey(string email) => email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static void ValidateRegistration(Registration registration)
    {
        TextRules.Require(registration.Username, "username");
        TextRules.Require(registration.Email, "email");
        TextRules.Require(registration.DisplayName, "displayName");
        var usernameKey = UsernameKey(registration.Username ?? "");
        if (usernameKey.Length is < Limits.MinUsernameChars or > Limits.MaxUsernameChars || !UsernamePattern().IsMatch(usernameKey))
        {
            throw ChatException.BadRequest(
                $"username must be {Limits.MinUsernameChars}-{Limits.MaxUsernameChars} characters of letters, digits, '_' or '.'");
        }

        var emailKey = EmailKey(registration.Email ?? "");
        if (emailKey.Length > Limits.MaxEmailChars || !EmailPattern().IsMatch(emailKey))
        {
            throw ChatException.BadRequest("email is not a valid address");
        }

        ValidatePassword(registration.Password ?? "");
        if (registration.DisplayName is { } displayName && (displayName.Trim().Length == 0 || displayName.Length > Limits.MaxDisplayNameChars))
        {
            throw ChatException.BadRequest($"displayName must be 1-{Limits.MaxDisplayNameChars} characters");
        }
    }

    public static void ValidatePassword(string password)
    {
        if (password.Length is < Limits.MinPasswordChars or > Limits.MaxPasswordChars)
        {
            throw ChatException.BadRequest($"password must be {Limits.MinPasswordChars}-{Limits.MaxPasswordChars} characters");
        }

        if (CommonPasswords.Contains(password))
        {
            throw ChatException.BadRequest("password is too common");
        }
    }

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Nd}_.]+$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
