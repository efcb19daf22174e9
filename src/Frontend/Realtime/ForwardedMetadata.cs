using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Conversations;

namespace Chat.Frontend.Realtime;

/// <summary>A forwarded message keeps its metadata and gains <c>forwardedFrom: {conversationId, seq, senderId}</c>.</summary>
internal static class ForwardedMetadata
{
    public static string Wrap(ChatMessage source)
    {
        var metadata = source.MetadataJson is null ? new JsonObject() : JsonNode.Parse(source.MetadataJson)!.AsObject();
        metadata["forwardedFrom"] = new JsonObject
        {
            ["conversationId"] = source.ConversationId.ToString(),
            ["seq"] = source.Seq,
            ["senderId"] = source.SenderId.ToString(),
        };
        return metadata.ToJsonString(JsonSerializerOptions.Web);
    }
}
