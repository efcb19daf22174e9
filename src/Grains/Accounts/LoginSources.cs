namespace Chat.Accounts;

/// <summary>What a login throttle counts failures by, besides the account.</summary>
internal static class LoginSources
{
    /// <summary>
    /// Re-authentication of a signed-in user (disabling two-factor, deleting the account): its
    /// guesses back off on their own, apart from sign-ins, so a stolen access token cannot lock them.
    /// </summary>
    public static string SignedIn(Guid userId) => $"signed-in:{userId:N}";
}
