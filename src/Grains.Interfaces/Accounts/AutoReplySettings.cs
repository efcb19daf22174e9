namespace Chat.Accounts;

/// <summary>
/// An away message: while enabled (and before <see cref="Until"/>, if set) a direct message to the
/// user is answered with <see cref="Message"/>, once per conversation per cooldown.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.auto-reply")]
public sealed record AutoReplySettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] string Message,
    [property: Id(2)] DateTimeOffset? Until)
{
    public static readonly AutoReplySettings Off = new(false, "", null);

    public bool IsActiveAt(DateTimeOffset now) => Enabled && (Until is null || now < Until);
}
