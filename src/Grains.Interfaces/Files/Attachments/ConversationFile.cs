namespace Chat.Files.Attachments;

/// <summary>One file of a conversation's files tab: the message that carries it and the file.</summary>
[GenerateSerializer, Immutable, Alias("chat.files.attachments.conversation-file")]
public sealed record ConversationFile(
    [property: Id(0)] long Seq,
    [property: Id(1)] Guid SenderId,
    [property: Id(2)] DateTimeOffset SentAt,
    [property: Id(3)] FileDescription File);
