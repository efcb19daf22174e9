using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Conversations;

namespace Chat.Frontend.Realtime;

/// <summary>
/// A forwarded message keeps its sender-written metadata and gains <c>forwardedFrom: {conversationId, seq, senderId}</c>;
/// what the server wrote about the original (an auto-reply, a call record, an earlier forward) is not copied.
/// </summary>
internal static class ForwardedMetadata
{
    public static string Wrap(ChatMessage source)
    {
        var metadata = source.MetadataJson is null ? new JsonObject() : ServerOwnedMetadata.WithoutServerKeys(JsonNode.Parse(source.MetadataJson)!.AsObject());
        metadata[ServerOwnedMetadata.ForwardedFromKey] = new JsonObject
        {
            ["conversationId"] = source.ConversationId.ToString(),
            ["seq"] = source.Seq,
            ["senderId"] = source.SenderId.ToString(),
        };
        return metadata.ToJsonString(JsonSerializerOptions.Web);
    }
}
