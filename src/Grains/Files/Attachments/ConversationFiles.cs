using Chat.Errors;

namespace Chat.Files.Attachments;

/// <summary>The files tab: a conversation's files of a kind, newest first, paged by message seq.</summary>
internal sealed class ConversationFiles(AttachmentStore store)
{
    /// <summary>A page for <paramref name="readerId"/> (a member: the grain checked); <paramref name="kind"/> null lists every kind.</summary>
    public async Task<ConversationFilesPage> ListAsync(Guid conversationId, Guid readerId, string? kind, long? beforeSeq, int limit)
    {
        if (kind is not null && !ListedFileKinds.IsKnown(kind))
        {
            throw ChatException.BadRequest("type must be image, video, audio or document");
        }

        if (limit is < 1 or > AttachmentLimits.MaxFilesPageSize)
        {
            throw ChatException.BadRequest($"limit must be 1 to {AttachmentLimits.MaxFilesPageSize}");
        }

        if (beforeSeq is < 1)
        {
            throw ChatException.BadRequest("before must be positive");
        }

        var rows = await store.ListAsync(conversationId, readerId, kind, beforeSeq ?? long.MaxValue, limit);
        if (rows.Count <= limit)
        {
            return new ConversationFilesPage(rows, NextBefore: null);
        }

        // The next page starts before a seq, so a page ends on a whole message: the rest of an album
        // cut by the limit comes along (the store read one message's worth beyond it).
        var lastSeq = rows[limit - 1].Seq;
        var page = rows.TakeWhile((row, i) => i < limit || row.Seq == lastSeq).ToList();
        return new ConversationFilesPage(page, NextBefore: page.Count < rows.Count ? lastSeq : null);
    }
}
