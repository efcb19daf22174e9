using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files.Attachments;

/// <summary>Sends the media message types through the real hub and reads back what they carry.</summary>
internal static class FileMessages
{
    public static Task<MessageAck> SendAsync(ChatConnection connection, Guid conversationId, string type, object metadata, string? clientMessageId = null,
        int? expiresInSeconds = null) =>
        connection.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId, clientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), content = "", type, metadata, expiresInSeconds,
        });

    public static Task<MessageAck> SendImageAsync(ChatConnection connection, Guid conversationId, Guid fileId, string? clientMessageId = null) =>
        SendAsync(connection, conversationId, "image", new { fileId }, clientMessageId);

    public static Task<MessageAck> SendDocumentAsync(ChatConnection connection, Guid conversationId, Guid fileId, string fileName = "terms.pdf") =>
        SendAsync(connection, conversationId, "document", new { fileId, fileName });

    /// <summary>The <c>metadata.files</c> a received message carries.</summary>
    public static List<JsonElement> FilesOf(ChatMessage message)
    {
        Assert.NotNull(message.MetadataJson);
        using var metadata = JsonDocument.Parse(message.MetadataJson);
        return [.. metadata.RootElement.GetProperty("files").EnumerateArray().Select(f => f.Clone())];
    }
}
