using Chat.Errors;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Chat.Accounts;

/// <summary>Issues and spends email verification and password-reset tokens; stateless, any silo serves any call.</summary>
[StatelessWorker]
internal sealed partial class AccountRecoveryGrain(EmailTokenStore store, TimeProvider time, ILogger<AccountRecoveryGrain> logger)
    : Grain, IAccountRecoveryGrain
{
    public async Task<EmailToken?> IssuePasswordResetAsync(string email)
    {
        if (await store.FindByEmailKeyAsync(AccountRules.EmailKey(email)) is not { } account)
        {
            return null;
        }

        return await IssueAsync(account.UserId, account.Username, account.Email, EmailTokenPurposes.ResetPassword);
    }

    public async Task ResetPasswordAsync(string token, string newPassword)
    {
        AccountRules.ValidatePassword(newPassword ?? "");
        RequireTokenShape(token);
        var (userId, revoked) = await store.ResetPasswordAsync(OpaqueToken.Hash(token), PasswordHasher.Hash(newPassword!), time.GetUtcNow())
            ?? throw ChatException.BadRequest("the reset token is not valid, was already used or has expired");
        LogPasswordReset(logger, userId);
        await SessionRevocations.AnnounceAsync(GrainFactory, revoked, logger);
    }

    public async Task<EmailToken?> IssueEmailVerificationAsync(Guid userId)
    {
        if (await store.FindByIdAsync(userId) is not { Verified: false } account)
        {
            return null;
        }

        // No link for an address another account holds: its owner gets a note, and nothing to click.
        if (await store.IsAddressClaimAsync(userId))
        {
            return new EmailToken(account.UserId, account.Username, account.Email, "", AddressTaken: true);
        }

        return await IssueAsync(account.UserId, account.Username, account.Email, EmailTokenPurposes.VerifyEmail);
    }

    public async Task VerifyEmailAsync(string token)
    {
        RequireTokenShape(token);
        var userId = await store.VerifyEmailAsync(OpaqueToken.Hash(token), time.GetUtcNow())
            ?? throw ChatException.BadRequest("the verification token is not valid, was already used or has expired");
        LogEmailVerified(logger, userId);
    }

    private async Task<EmailToken?> IssueAsync(Guid userId, string username, string email, string purpose)
    {
        var token = OpaqueToken.New();
        if (!await store.TryIssueAsync(userId, purpose, OpaqueToken.Hash(token), time.GetUtcNow() + Limits.EmailTokenLifetime, Limits.MaxAccountEmailsPerHour))
        {
            LogTooManyEmails(logger, purpose, userId);
            return null;
        }

        LogIssued(logger, purpose, userId);
        return new EmailToken(userId, username, email, token);
    }

    private static void RequireTokenShape(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > Limits.MaxEmailTokenChars)
        {
            throw ChatException.BadRequest("token is required");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a {Purpose} token for user {UserId}")]
    private static partial void LogIssued(ILogger logger, string purpose, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not issuing a {Purpose} token for user {UserId}: too many this hour")]
    private static partial void LogTooManyEmails(ILogger logger, string purpose, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset by email for user {UserId}; all sessions revoked")]
    private static partial void LogPasswordReset(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email verified for user {UserId}")]
    private static partial void LogEmailVerified(ILogger logger, Guid userId);
}
