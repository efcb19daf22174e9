namespace Chat.Files.Storage;

/// <summary>
/// The object storage the files live in (S3; MinIO or s3rver). The only place that talks to it, so
/// the uploads, the checks at completion, the previews and the clean-up share one client and bucket.
/// </summary>
public interface IObjectStore
{
    /// <summary>A URL the client PUTs the whole object to, signed for <paramref name="contentType"/>.</summary>
    Task<Uri> PresignPutAsync(string key, string contentType, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// A URL that GETs the object (range requests included), answering with the given content type
    /// and, when <paramref name="attachmentName"/> is set, <c>Content-Disposition: attachment</c>.
    /// </summary>
    Task<Uri> PresignGetAsync(string key, string contentType, string? attachmentName, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>A GET URL for the server's own tools (ffprobe), signed for the endpoint the server reaches, not the public one.</summary>
    Task<Uri> PresignServerGetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>The object's size, or null when there is no such object.</summary>
    Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="length"/> bytes from the start of the object (for sniffing and header checks).</summary>
    Task<byte[]> ReadHeadAsync(string key, int length, CancellationToken cancellationToken = default);

    /// <summary>Copies the whole object into a local file (previews work on files, not on memory).</summary>
    Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken = default);

    /// <summary>Stores a local file as an object.</summary>
    Task UploadFileAsync(string key, string path, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; deleting one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes every object whose key starts with <paramref name="prefix"/>.</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Creates the bucket when it does not exist (local setups; compose's minio-init makes it too).</summary>
    Task EnsureBucketAsync(CancellationToken cancellationToken = default);
}
