namespace Chat.Files.Attachments;

/// <summary>
/// A <c>files</c> row as the send path checks it: the file, whether it was deleted, and whether the
/// message a forward copies already carries it.
/// </summary>
internal sealed record StoredFile(FileDescription File, bool Deleted, bool CarriedBySource);
