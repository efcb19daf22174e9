using Chat.Errors;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Chat.Accounts;

/// <summary>Phone verification and sign-in by texted codes; stateless, any silo serves any call.</summary>
[StatelessWorker]
internal sealed partial class PhoneSignInGrain(
    PhoneStore phones, AccountStore accounts, TwoFactorStore twoFactor, TimeProvider time, ILogger<PhoneSignInGrain> logger)
    : Grain, IPhoneSignInGrain
{
    // One answer for an unknown number, a wrong, used or expired code, and a number someone else holds.
    private const string WrongCode = "wrong phone or code, or the code was used or has expired";

    public async Task<PhoneCode> RequestVerificationAsync(Guid userId, string phone)
    {
        phone = PhoneRules.Normalize(phone);
        var owner = await phones.FindVerifiedOwnerAsync(phone);
        if (owner == userId)
        {
            throw ChatException.Conflict("this is already your verified phone");
        }

        // Another account's number gets the same answer and the same work as a free one, but its
        // code is never texted: nobody can prove they hold it, so it never verifies.
        var code = OneTimeCode.New();
        if (!await phones.TryIssueAsync(userId, phone, PhoneCodePurposes.VerifyPhone, OneTimeCode.Hash(phone, code),
                time.GetUtcNow() + Limits.PhoneCodeLifetime, Limits.MaxPhoneCodesPerHour))
        {
            LogTooManyCodes(logger, userId);
            throw ChatException.RateLimited($"at most {Limits.MaxPhoneCodesPerHour} codes per phone per hour", TimeSpan.FromHours(1));
        }

        if (owner is not null)
        {
            LogTakenPhoneAsked(logger, userId);
            return PhoneCode.None;
        }

        LogIssued(logger, PhoneCodePurposes.VerifyPhone, userId);
        return new PhoneCode(true, userId, phone, code);
    }

    public async Task VerifyAsync(Guid userId, string code)
    {
        code = PhoneRules.RequireCodeShape(code);
        var phone = await phones.FindPendingPhoneAsync(userId) ?? throw ChatException.Conflict("no phone is waiting for verification");
        await SpendAsync(phone, PhoneCodePurposes.VerifyPhone, userId, code, beforeSpending: null);
        if (!await phones.TryConfirmAsync(userId, phone))
        {
            // Only reachable by guessing a code never sent (or a race with its owner): the same answer as a wrong code.
            throw ChatException.Unauthorized(WrongCode);
        }

        LogVerified(logger, userId);
    }

    public async Task<PhoneCode> IssueLoginCodeAsync(string phone)
    {
        phone = PhoneRules.Normalize(phone);
        if (await phones.FindVerifiedOwnerAsync(phone) is not { } userId)
        {
            return PhoneCode.None;
        }

        var code = OneTimeCode.New();
        if (!await phones.TryIssueAsync(userId, phone, PhoneCodePurposes.Login, OneTimeCode.Hash(phone, code),
                time.GetUtcNow() + Limits.PhoneCodeLifetime, Limits.MaxPhoneCodesPerHour))
        {
            LogTooManyCodes(logger, userId);
            return PhoneCode.None;
        }

        LogIssued(logger, PhoneCodePurposes.Login, userId);
        return new PhoneCode(true, userId, phone, code);
    }

    public async Task<IssuedSession> LoginAsync(string phone, string code, string? totpCode, string deviceName)
    {
        phone = PhoneRules.Normalize(phone);
        code = PhoneRules.RequireCodeShape(code);
        if (await phones.FindVerifiedOwnerAsync(phone) is not { } userId)
        {
            // The same lookup and hashing as for a registered number, so the time does not tell either.
            _ = await phones.FindNewestCodeAsync(phone, PhoneCodePurposes.Login, Guid.Empty, time.GetUtcNow(), Limits.MaxPhoneCodeAttempts);
            _ = OneTimeCode.Matches(OneTimeCode.Hash(phone, code), phone, code);
            throw ChatException.Unauthorized(WrongCode);
        }

        await SpendAsync(phone, PhoneCodePurposes.Login, userId, code, beforeSpending: async codeId =>
        {
            // Checked after the texted code matched and before it is spent, so asking for the TOTP code does not cost a new text.
            if (await twoFactor.FindAsync(userId) is not { Confirmed: true })
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(totpCode))
            {
                throw new ChatException(ErrorCodes.TotpRequired, "a two-factor code is required");
            }

            if (!await GrainFactory.Reference<ITwoFactorGrain>(userId).TryUseLoginCodeAsync(totpCode))
            {
                await phones.RecordFailedAttemptAsync(codeId);
                throw ChatException.Unauthorized("wrong or already used two-factor code");
            }
        });

        var sessionId = Guid.NewGuid();
        var token = OpaqueToken.New();
        var device = deviceName.Length > Limits.MaxDeviceNameChars ? deviceName[..Limits.MaxDeviceNameChars] : deviceName;
        await accounts.CreateSessionAsync(sessionId, userId, device, OpaqueToken.Hash(token), time.GetUtcNow() + Limits.RefreshTokenLifetime);
        LogPhoneLogin(logger, userId);
        return new IssuedSession(userId, sessionId, token);
    }

    /// <summary>Checks the newest live code of the number; a wrong one counts against it, the right one is spent once.</summary>
    private async Task SpendAsync(string phone, string purpose, Guid userId, string code, Func<Guid, Task>? beforeSpending)
    {
        var now = time.GetUtcNow();
        var stored = await phones.FindNewestCodeAsync(phone, purpose, userId, now, Limits.MaxPhoneCodeAttempts);
        if (stored is not { Live: true })
        {
            throw ChatException.Unauthorized(WrongCode);
        }

        if (!OneTimeCode.Matches(stored.CodeHash, phone, code))
        {
            await phones.RecordFailedAttemptAsync(stored.CodeId);
            throw ChatException.Unauthorized(WrongCode);
        }

        if (beforeSpending is not null)
        {
            await beforeSpending(stored.CodeId);
        }

        if (!await phones.TrySpendAsync(stored.CodeId, now, Limits.MaxPhoneCodeAttempts))
        {
            throw ChatException.Unauthorized(WrongCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a {Purpose} phone code for user {UserId}")]
    private static partial void LogIssued(ILogger logger, string purpose, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not issuing a phone code for user {UserId}: too many this hour")]
    private static partial void LogTooManyCodes(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} asked to verify a phone another account holds; no code was texted")]
    private static partial void LogTakenPhoneAsked(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone verified for user {UserId}")]
    private static partial void LogVerified(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with a phone code")]
    private static partial void LogPhoneLogin(ILogger logger, Guid userId);
}
