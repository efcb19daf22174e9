namespace Chat.Conversations;

/// <summary>An invite link; <see cref="Code"/> is shown once, when it is created.</summary>
[GenerateSerializer, Immutable, Alias("chat.conv.invite")]
public sealed record InviteLink(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset? ExpiresAt,
    [property: Id(2)] int? MaxUses)
{
    // The code is a bearer capability: keep it out of trace logs.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Code = ***, ExpiresAt = {ExpiresAt}, MaxUses = {MaxUses}");
        return true;
    }
}
