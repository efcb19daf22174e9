namespace Chat.Files.Attachments;

/// <summary>A <c>message_files</c> row to write with its message: the file and the kind the files tab lists it under.</summary>
internal sealed record MessageFileRow(Guid FileId, string Kind);
