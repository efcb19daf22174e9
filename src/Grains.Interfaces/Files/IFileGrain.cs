namespace Chat.Files;

/// <summary>
/// One file, keyed by its id: its upload, the checks at completion, who may download it and its
/// removal. Its state is the <c>files</c> row (read fresh on each call: the previews and the messages
/// that attach the file write that row too); being one grain, a file completes or is removed once.
/// Every caller who may not see the file gets not found, whatever the file's state.
/// </summary>
[Alias("chat.files.file")]
public interface IFileGrain : IGrainWithGuidKey
{
    /// <summary>Starts an upload: validates, reserves the size against the quota with the row, and signs the upload.</summary>
    [Alias("create")]
    Task<FileCreation> CreateAsync(Guid ownerId, NewFile file);

    /// <summary>The owner resumes a pending upload (conflict once complete).</summary>
    [Alias("get-upload")]
    Task<UploadProgress> GetUploadAsync(Guid callerId);

    /// <summary>The owner records a multipart part S3 acknowledged, so a resume knows it.</summary>
    [Alias("record-part")]
    Task RecordPartAsync(Guid callerId, int partNumber, string etag);

    /// <summary>
    /// Checks the stored object (size, sniffed type, image pixels, media readable); on success the
    /// file is processing and its previews are queued; on refusal the object is deleted, the
    /// reservation released and the call fails with bad_request. Completing again answers the same file.
    /// </summary>
    // Joining a large multipart upload is a copy inside storage: S3 documents it can take minutes, and
    // s3rver joining 20 uploads of 200 MB at once took 90 s here (docs/benchmarks.md "Files: uploads").
    [Alias("complete"), ResponseTimeout("00:05:00")]
    Task<FileDescription> CompleteAsync(Guid callerId, IReadOnlyList<RecordedPart>? parts);

    /// <summary>The owner cancels a pending upload or deletes a file no message, profile or group uses.</summary>
    [Alias("delete")]
    Task DeleteAsync(Guid callerId);

    [Alias("describe")]
    Task<FileDescription> DescribeAsync(Guid callerId);

    /// <summary>What <paramref name="callerId"/> downloads of <paramref name="variant"/> (<see cref="FileVariants"/>).</summary>
    [Alias("get-download")]
    Task<FileDownload> GetDownloadAsync(Guid callerId, string variant, bool asAttachment);

    /// <summary>Removes the file whatever its state (clean-up and account deletion): objects, row and its share of the quota.</summary>
    [Alias("remove")]
    Task RemoveAsync();
}
