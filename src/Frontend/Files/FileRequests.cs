namespace Chat.Frontend.Files;

/// <summary><c>POST /api/files</c>.</summary>
public sealed record CreateFileRequest(string? Name, long? Size, string? ContentType, string? Purpose);

/// <summary><c>PUT /api/files/{id}/parts/{n}</c>: the ETag storage answered for the part.</summary>
public sealed record RecordPartRequest(string? Etag);

/// <summary><c>POST /api/files/{id}/complete</c>: the parts of a multipart upload (any not recorded before).</summary>
public sealed record CompleteFileRequest(IReadOnlyList<CompletedPartRequest>? Parts);

public sealed record CompletedPartRequest(int PartNumber, string? Etag);
