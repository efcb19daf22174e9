namespace Chat.Files.Attachments;

/// <summary>
/// A page of a conversation's files, newest first; <see cref="NextBefore"/> is the <c>before</c> of the
/// next page, null at the end. An album is never split across two pages.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.attachments.conversation-files-page")]
public sealed record ConversationFilesPage(
    [property: Id(0)] IReadOnlyList<ConversationFile> Items,
    [property: Id(1)] long? NextBefore);
