namespace Chat.Accounts;

/// <summary>
/// A freshly issued single-use email token and where to send it; the Frontend mails it and forgets it.
/// With <see cref="AddressTaken"/> there is no token: the address is another account's, whose owner is told of the sign-up.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.email-token")]
public sealed record EmailToken(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string Email,
    [property: Id(3)] string Token,
    [property: Id(4)] bool AddressTaken = false)
{
    // Records print every property; runtimes log messages at trace level, so keep the token out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, Username = {Username}, Email = ***, Token = ***");
        return true;
    }
}
