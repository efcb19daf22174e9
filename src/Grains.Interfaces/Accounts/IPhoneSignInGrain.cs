namespace Chat.Accounts;

/// <summary>
/// A verified phone number per account and sign-in by one-time codes texted to it. Stateless: codes
/// (hashes only), attempts and the numbers live in Postgres, so any silo serves any call. Issuing
/// returns the code for the Frontend to text; it is never stored in the clear.
/// </summary>
[Alias("chat.accounts.phone-sign-in")]
public interface IPhoneSignInGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Makes <paramref name="phone"/> the user's pending number and issues a code to confirm it;
    /// conflict if another account (or this one) has it verified, rate limited after
    /// <see cref="Limits.MaxPhoneCodesPerHour"/> codes to the number in an hour.
    /// </summary>
    [Alias("request-verification")]
    Task<PhoneCode> RequestVerificationAsync(Guid userId, string phone);

    /// <summary>Spends a code for the user's pending number, which becomes their verified number.</summary>
    [Alias("verify")]
    Task VerifyAsync(Guid userId, string code);

    /// <summary>A login code for the account with this verified number, or <see cref="PhoneCode.None"/> (no such account, or too many codes this hour).</summary>
    [Alias("issue-login-code")]
    Task<PhoneCode> IssueLoginCodeAsync(string phone);

    /// <summary>
    /// Spends a login code and starts a session. With two-factor on, <paramref name="totpCode"/> is
    /// needed too: the texted code stands in for the password, not for the second factor.
    /// </summary>
    [Alias("login")]
    Task<IssuedSession> LoginAsync(string phone, string code, string? totpCode, string deviceName);
}
