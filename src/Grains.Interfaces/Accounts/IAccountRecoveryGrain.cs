namespace Chat.Accounts;

/// <summary>
/// Email verification and password reset through single-use, expiring tokens. Stateless: the token
/// hashes live in Postgres, so any silo serves any call. Issuing returns the token for the caller
/// to mail; it is never stored in the clear.
/// </summary>
[Alias("chat.accounts.recovery")]
public interface IAccountRecoveryGrain : IGrainWithIntegerKey
{
    /// <summary>A reset token for the account with this email, or null if there is none (or it was sent too many this hour).</summary>
    [Alias("issue-password-reset")]
    Task<EmailToken?> IssuePasswordResetAsync(string email);

    /// <summary>Spends a reset token: sets the new password and signs out every session.</summary>
    [Alias("reset-password")]
    Task ResetPasswordAsync(string token, string newPassword);

    /// <summary>A verification token for the user's current email, or null if it is already verified (or was sent too many this hour).</summary>
    [Alias("issue-email-verification")]
    Task<EmailToken?> IssueEmailVerificationAsync(Guid userId);

    [Alias("verify-email")]
    Task VerifyEmailAsync(string token);
}
