using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Conversations;
using Chat.Errors;

namespace Chat.Files.Attachments;

/// <summary>
/// The send path's file rules: each file a message names must be the sender's (or carried by the message a
/// forward copies), complete, not deleted, and of a kind the type takes. The message then gains
/// <c>metadata.files</c> (server-owned) and the <c>message_files</c> rows to write with it.
/// </summary>
internal sealed class MessageAttachments(AttachmentStore store)
{
    /// <summary>The draft as stored (with <c>metadata.files</c>) and its rows; a message naming no file comes back as it was.</summary>
    public async Task<(MessageDraft Draft, IReadOnlyList<MessageFileRow> Rows)> AttachAsync(MessageDraft draft)
    {
        var named = MessageFileRefs.Named(draft.Type, draft.MetadataJson);
        if (named.Count == 0)
        {
            return (draft, []);
        }

        var metadata = JsonNode.Parse(draft.MetadataJson!)!.AsObject();
        var source = ForwardSource.Of(metadata);
        var found = await store.FindForSendAsync(named, source);
        var files = named.Select(id => Check(draft, id, found.GetValueOrDefault(id), source)).ToList();

        metadata[ServerOwnedMetadata.FilesKey] = new JsonArray([.. files.Select(f => FileBody.ToNode(f))]);
        var rows = files.Select(f => new MessageFileRow(f.FileId, MessageFileRefs.ListedKind(draft.Type, f.Kind!))).ToList();
        return (draft with { MetadataJson = metadata.ToJsonString(JsonSerializerOptions.Web) }, rows);
    }

    private static FileDescription Check(MessageDraft draft, Guid fileId, StoredFile? stored, ForwardSource? source)
    {
        // One answer for a file that does not exist, was deleted or is someone else's: the sender
        // learns nothing about other people's files.
        if (stored is null || stored.Deleted || (stored.File.OwnerId != draft.SenderId && !(source is not null && stored.CarriedBySource)))
        {
            throw ChatException.NotFound($"file {fileId} not found");
        }

        var file = stored.File;
        if (file.Status == FileStatuses.Pending || file.Kind is null)
        {
            throw ChatException.BadRequest($"file {fileId} is not complete: finish its upload first");
        }

        if (!MessageFileRefs.Fits(draft.Type, file.Kind))
        {
            throw ChatException.BadRequest($"file {fileId} is of kind {file.Kind}, which a {draft.Type} message cannot carry");
        }

        return file;
    }
}
