namespace Chat.Accounts;

/// <summary>A signed-in device: the user, its session (refresh-token family) and the refresh token to present next.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.session")]
public sealed record IssuedSession(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid SessionId,
    [property: Id(2)] string RefreshToken)
{
    // Records print every property; runtimes log messages at trace level, so keep the token out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserId = {UserId}, SessionId = {SessionId}, RefreshToken = ***");
        return true;
    }
}
