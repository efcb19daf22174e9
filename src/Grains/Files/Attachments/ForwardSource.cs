using System.Text.Json.Nodes;
using Chat.Conversations;

namespace Chat.Files.Attachments;

/// <summary>
/// The message a forward copies (<c>metadata.forwardedFrom</c>, which only the server writes): its files
/// may be carried on by someone who does not own them, because the source message already shares them.
/// </summary>
internal sealed record ForwardSource(Guid ConversationId, long Seq)
{
    public static ForwardSource? Of(JsonObject metadata) =>
        metadata[ServerOwnedMetadata.ForwardedFromKey] is JsonObject from
        && from["conversationId"]?.GetValue<string>() is { } conversation && Guid.TryParse(conversation, out var conversationId)
        && from["seq"] is JsonValue seq && seq.TryGetValue<long>(out var seqValue)
            ? new ForwardSource(conversationId, seqValue)
            : null;
}
