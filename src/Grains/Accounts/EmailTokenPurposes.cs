namespace Chat.Accounts;

/// <summary>What an email token may be spent on (the <c>purpose</c> column).</summary>
internal static class EmailTokenPurposes
{
    public const string VerifyEmail = "verify_email";
    public const string ResetPassword = "reset_password";
}
