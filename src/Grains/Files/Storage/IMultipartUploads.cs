namespace Chat.Files.Storage;

/// <summary>
/// S3 multipart uploads for large files: started by the server, each part PUT by the client straight
/// to storage through its own presigned URL, then completed (or aborted) by the server. Kept apart
/// from <see cref="IObjectStore"/> because the Minio .NET client keeps its multipart calls internal
/// (see <see cref="AwsMultipartUploads"/>).
/// </summary>
public interface IMultipartUploads
{
    /// <summary>Starts a multipart upload for <paramref name="key"/>; answers its upload id.</summary>
    Task<string> StartAsync(string key, string contentType, CancellationToken cancellationToken = default);

    /// <summary>A URL the client PUTs part <paramref name="partNumber"/> (1-based) to; S3 answers its ETag.</summary>
    Task<Uri> PresignPartAsync(string key, string uploadId, int partNumber, TimeSpan lifetime);

    /// <summary>Joins the parts (ETags as S3 answered them) into the object.</summary>
    Task CompleteAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken = default);

    /// <summary>Drops an unfinished upload and its stored parts; aborting one already gone is not an error.</summary>
    Task AbortAsync(string key, string uploadId, CancellationToken cancellationToken = default);
}

/// <summary>A part of a multipart upload as S3 acknowledged it.</summary>
public sealed record UploadedPart(int PartNumber, string ETag);
