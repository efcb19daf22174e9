using Chat.Search.Text;

namespace Chat.Search.Indexing;

/// <summary>One message_search row as the indexer writes it.</summary>
internal sealed record SearchRow(Guid ConversationId, long Seq, Guid SenderId, DateTime SentAt, DateTime? ExpiresAt, SearchKinds Kinds, SearchDocument Document)
{
    /// <summary>
    /// The row a message should have, or null when it should have none: deleted for everyone,
    /// emptied by (or past) its expiry, gone, or with neither text nor anything <c>has:</c> finds.
    /// </summary>
    public static SearchRow? For(QueuedMessage message, DateTime now)
    {
        if (!message.Exists || message.Deleted || message.ExpiresAt <= now)
        {
            return null;
        }

        var text = TextOf(message);
        var document = SearchDocument.From(text);
        var kinds = IndexedKinds.Of(message.Type, message.FileKinds, text);
        if (document.Tsvector.Length == 0 && kinds == SearchKinds.None)
        {
            return null;
        }

        return new SearchRow(message.ConversationId, message.Seq, message.SenderId, message.SentAt, message.ExpiresAt, kinds, document);
    }

    // Metadata the rules let through should parse; if an old row's does not, its content is still found.
    private static string TextOf(QueuedMessage message)
    {
        try
        {
            return IndexedText.Of(message.Type, message.Content, message.MetadataJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return message.Content;
        }
    }
}
