namespace Chat.Accounts;

/// <summary>The <c>purpose</c> values of <c>account_phone_codes</c>.</summary>
internal static class PhoneCodePurposes
{
    public const string VerifyPhone = "verify_phone";
    public const string Login = "login";
}
