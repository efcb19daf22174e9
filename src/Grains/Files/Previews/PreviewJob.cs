namespace Chat.Files.Previews;

/// <summary>A leased <c>file_preview_jobs</c> row with what the worker needs of its file.</summary>
public sealed record PreviewJob(Guid FileId, Guid OwnerId, string Stage, int Attempts, Guid LeaseId, string ObjectKey, PreviewSource Source, bool FileDeleted);
