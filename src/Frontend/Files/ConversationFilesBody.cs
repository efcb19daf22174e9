using Chat.Files;
using Chat.Files.Attachments;

namespace Chat.Frontend.Files;

/// <summary>The JSON of <c>GET /api/conversations/{id}/files</c>: each file as the protocol's <c>File</c> (<see cref="FileBody"/>).</summary>
public sealed record ConversationFilesBody(IReadOnlyList<ConversationFileBody> Items, long? NextBefore)
{
    public static ConversationFilesBody From(ConversationFilesPage page) =>
        new([.. page.Items.Select(i => new ConversationFileBody(i.Seq, i.SenderId, i.SentAt, FileBody.From(i.File)))], page.NextBefore);
}

/// <summary>One file of the files tab and the message that carries it.</summary>
public sealed record ConversationFileBody(long Seq, Guid SenderId, DateTimeOffset SentAt, FileBody File);
