using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Errors;

namespace Chat.Conversations;

/// <summary>
/// The metadata keys and client id prefixes only the server writes (an auto-reply, a call's
/// record, a forward's origin, the files a message carries). A client's draft claiming one is refused, so clients can trust them.
/// </summary>
public static class ServerOwnedMetadata
{
    public const string AutoReplyKey = "autoReply";
    public const string CallKey = "call";
    public const string ForwardedFromKey = "forwardedFrom";
    public const string FilesKey = "files";
    public const string AutoReplyClientIdPrefix = "auto-reply:";
    public const string CallClientIdPrefix = "call:";

    public static readonly IReadOnlyList<string> Keys = [AutoReplyKey, CallKey, ForwardedFromKey, FilesKey];

    public static readonly IReadOnlyList<string> ClientIdPrefixes = [AutoReplyClientIdPrefix, CallClientIdPrefix];

    /// <summary>Throws <c>bad_request</c> if a draft from a client uses a server-owned key or client id prefix.</summary>
    public static void RequireNotClaimed(MessageDraft draft)
    {
        RequireClientIdNotClaimed(draft.ClientMessageId);
        if (draft.MetadataJson is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(draft.MetadataJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && Keys.FirstOrDefault(k => document.RootElement.TryGetProperty(k, out _)) is { } key)
        {
            throw ChatException.BadRequest($"metadata.{key} is written by the server only");
        }
    }

    /// <summary>Throws <c>bad_request</c> if a client's message id starts with a prefix the server gives its own messages.</summary>
    public static void RequireClientIdNotClaimed(string clientMessageId)
    {
        if (ClientIdPrefixes.FirstOrDefault(p => clientMessageId.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            throw ChatException.BadRequest($"clientMessageId must not start with '{prefix}', which the server uses");
        }
    }

    /// <summary>A copy's metadata keeps what the sender wrote and drops what the server wrote about the original.</summary>
    public static JsonObject WithoutServerKeys(JsonObject metadata)
    {
        foreach (var key in Keys)
        {
            metadata.Remove(key);
        }

        return metadata;
    }
}
