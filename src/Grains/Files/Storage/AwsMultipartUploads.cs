using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Chat.Files.Storage;

/// <summary>
/// <see cref="IMultipartUploads"/> over AWSSDK.S3. Why not Minio: Minio .NET 7 does multipart only
/// inside its own PutObject (its initiate / upload-part / complete calls are internal), so it cannot
/// hand a browser one presigned URL per part. Why not hand-written SigV4: signing is easy to get
/// subtly wrong and the AWS SDK is what the field uses against S3, MinIO and s3rver alike.
/// </summary>
internal sealed partial class AwsMultipartUploads : IMultipartUploads, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly AmazonS3Client _signer;
    private readonly Protocol _publicProtocol;
    private readonly string _bucket;

    private readonly ILogger<AwsMultipartUploads> _logger;

    public AwsMultipartUploads(StorageSettings settings, ILogger<AwsMultipartUploads> logger)
    {
        _logger = logger;
        _bucket = settings.Bucket;
        _client = AwsS3Clients.Build(settings.Endpoint, settings.UseSsl, settings);
        _signer = AwsS3Clients.Build(settings.EffectivePublicEndpoint, settings.EffectivePublicUseSsl, settings);
        _publicProtocol = settings.EffectivePublicUseSsl ? Protocol.HTTPS : Protocol.HTTP;
    }

    public async Task<string> StartAsync(string key, string contentType, CancellationToken cancellationToken = default)
    {
        var response = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = key,
            ContentType = contentType,
        }, cancellationToken);
        return response.UploadId;
    }

    public async Task<Uri> PresignPartAsync(string key, string uploadId, int partNumber, TimeSpan lifetime)
    {
        var url = await _signer.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            UploadId = uploadId,
            PartNumber = partNumber,
            Expires = DateTime.UtcNow.Add(lifetime),
            Protocol = _publicProtocol,
        });
        return new Uri(url);
    }

    public async Task CompleteAsync(string key, string uploadId, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken = default)
    {
        await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. parts.OrderBy(part => part.PartNumber).Select(part => new PartETag(part.PartNumber, part.ETag))],
        }, cancellationToken);
    }

    public async Task AbortAsync(string key, string uploadId, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = key,
                UploadId = uploadId,
            }, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already completed, aborted or expired: nothing is left to drop.
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode is System.Net.HttpStatusCode.MethodNotAllowed or System.Net.HttpStatusCode.NotImplemented)
        {
            // s3rver (the local test endpoint) has no AbortMultipartUpload. Its parts never become
            // an object at the key, so nothing is served or counted; MinIO and S3 do abort.
            LogAbortUnsupported(_logger, key);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _signer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The storage endpoint cannot abort multipart uploads; the parts of {Key} stay until its own clean-up")]
    private static partial void LogAbortUnsupported(ILogger logger, string key);
}
