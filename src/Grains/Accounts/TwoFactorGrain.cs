using System.Globalization;
using System.Security.Cryptography;
using Chat.Errors;
using Microsoft.Extensions.Logging;

namespace Chat.Accounts;

/// <summary>
/// TOTP setup, confirmation, login codes and disabling for one user. Postgres holds the truth and
/// every spend is a conditional update, so a code is accepted once even across activations.
/// </summary>
internal sealed partial class TwoFactorGrain(TwoFactorStore store, AccountStore accounts, TimeProvider time, ILogger<TwoFactorGrain> logger)
    : Grain, ITwoFactorGrain
{
    private const string Issuer = "ChatGrid";

    private Guid UserId => this.GetPrimaryKey();

    public async Task<bool> IsEnabledAsync() => await store.FindAsync(UserId) is { Confirmed: true };

    public async Task<TotpEnrollment> BeginSetupAsync()
    {
        var account = await accounts.FindAccountAsync(UserId) ?? throw ChatException.NotFound("account not found");
        var secret = RandomNumberGenerator.GetBytes(Limits.TotpSecretBytes);
        if (!await store.SavePendingAsync(UserId, secret))
        {
            throw ChatException.Conflict("two-factor authentication is already on; disable it first");
        }

        LogSetupStarted(logger, UserId);
        var encoded = Totp.EncodeSecret(secret);
        var period = ((int)Limits.TotpStep.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var uri = $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(account.Username)}?secret={encoded}&issuer={Issuer}&digits={Limits.TotpDigits}&period={period}";
        return new TotpEnrollment(encoded, uri);
    }

    public async Task<RecoveryCodes> ConfirmAsync(string code)
    {
        if (!Totp.IsWellFormed(code))
        {
            throw ChatException.BadRequest($"code must be {Limits.TotpDigits} digits");
        }

        var record = await store.FindAsync(UserId);
        if (record is null || record.Confirmed)
        {
            throw ChatException.Conflict(record is null ? "no two-factor setup is pending; start one first" : "two-factor authentication is already on");
        }

        var step = Totp.MatchStep(record.Secret, code, time.GetUtcNow(), record.LastUsedStep)
            ?? throw ChatException.BadRequest("code does not match the pending secret");
        var codes = RecoveryCode.Generate(Limits.RecoveryCodeCount);
        if (!await store.ConfirmAsync(UserId, record.Secret, step, [.. codes.Select(c => RecoveryCode.Hash(RecoveryCode.Normalize(c)!))]))
        {
            throw ChatException.Conflict("the pending setup changed meanwhile; start again");
        }

        LogEnabled(logger, UserId);
        return new RecoveryCodes(codes);
    }

    public async Task DisableAsync(string password, string code)
    {
        var record = await store.FindAsync(UserId);
        if (record is not { Confirmed: true })
        {
            throw ChatException.Conflict("two-factor authentication is not on");
        }

        var account = await accounts.FindAccountAsync(UserId) ?? throw ChatException.NotFound("account not found");
        // The login throttle, with the signed-in user as its source: a stolen access token must not
        // become a way to guess codes, nor a way to lock the owner's sign-ins.
        var throttle = GrainFactory.Reference<ILoginThrottleGrain>(AccountRules.UsernameKey(account.Username));
        var source = LoginSources.SignedIn(UserId);
        if (await throttle.CheckAsync(source) is { } wait)
        {
            throw ChatException.RateLimited("too many failed attempts for this account; try again later", wait);
        }

        if (!PasswordHasher.Verify(password, account.PasswordHash) || !await TrySpendAsync(record, code))
        {
            await throttle.RecordFailureAsync(source);
            throw ChatException.Forbidden("wrong password or code");
        }

        await store.DeleteAsync(UserId);
        LogDisabled(logger, UserId);
    }

    public async Task<bool> TryUseLoginCodeAsync(string code)
    {
        var record = await store.FindAsync(UserId);
        return record is not { Confirmed: true } || await TrySpendAsync(record, code);
    }

    private async Task<bool> TrySpendAsync(TotpRecord record, string code)
    {
        var trimmed = code.Trim();
        if (Totp.IsWellFormed(trimmed))
        {
            return Totp.MatchStep(record.Secret, trimmed, time.GetUtcNow(), record.LastUsedStep) is { } step
                && await store.TryAdvanceStepAsync(UserId, step);
        }

        if (RecoveryCode.Normalize(trimmed) is { } recovery && await store.TryUseRecoveryCodeAsync(UserId, RecoveryCode.Hash(recovery)))
        {
            LogRecoveryCodeUsed(logger, UserId);
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor setup started for user {UserId}")]
    private static partial void LogSetupStarted(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor enabled for user {UserId}")]
    private static partial void LogEnabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor disabled for user {UserId}")]
    private static partial void LogDisabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery code used by user {UserId}")]
    private static partial void LogRecoveryCodeUsed(ILogger logger, Guid userId);
}
