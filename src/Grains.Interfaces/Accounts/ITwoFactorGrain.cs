namespace Chat.Accounts;

/// <summary>
/// One user's TOTP second factor (RFC 6238) and recovery codes. Per user and not reentrant, so
/// setup, confirmation, login codes and disabling take turns; the secret and the last used time
/// step live in Postgres.
/// </summary>
[Alias("chat.accounts.two-factor")]
public interface ITwoFactorGrain : IGrainWithGuidKey
{
    /// <summary>Creates a new pending secret (replacing an unconfirmed one); two-factor stays off until confirmed.</summary>
    [Alias("is-enabled"), ReadOnly]
    Task<bool> IsEnabledAsync();

    [Alias("begin-setup")]
    Task<TotpEnrollment> BeginSetupAsync();

    /// <summary>Turns two-factor on with a current code for the pending secret and returns fresh single-use recovery codes.</summary>
    [Alias("confirm")]
    Task<RecoveryCodes> ConfirmAsync(string code);

    /// <summary>Turns two-factor off; needs the account password and a current code (or a recovery code).</summary>
    [Alias("disable")]
    Task DisableAsync(string password, string code);

    /// <summary>
    /// Spends a login code: a TOTP code of a time step later than the last one used, or an unused
    /// recovery code. True when it was accepted (or two-factor is off).
    /// </summary>
    [Alias("use-login-code")]
    Task<bool> TryUseLoginCodeAsync(string code);
}
