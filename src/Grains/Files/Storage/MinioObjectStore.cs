using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Chat.Files.Storage;

/// <summary>
/// <see cref="IObjectStore"/> over the Minio .NET client. Two clients: one for the endpoint the
/// server reaches (stat, read, write, delete) and one that only signs, for the host browsers reach;
/// a SigV4 signature covers the host, so a URL signed for <c>minio:9000</c> cannot be rewritten to
/// the public name afterwards. Signing is local (the region is configured), so the public host need
/// not be reachable from the server.
/// </summary>
internal sealed class MinioObjectStore : IObjectStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly IMinioClient _signer;
    private readonly string _bucket;

    private readonly ObjectKeyListing _listing;

    public MinioObjectStore(StorageSettings settings, ObjectKeyListing listing)
    {
        _listing = listing;
        _bucket = settings.Bucket;
        _client = Build(settings.Endpoint, settings.UseSsl, settings);
        _signer = Build(settings.EffectivePublicEndpoint, settings.EffectivePublicUseSsl, settings);
    }

    private static IMinioClient Build(string endpoint, bool useSsl, StorageSettings settings) => new MinioClient()
        .WithEndpoint(endpoint)
        .WithCredentials(settings.AccessKey, settings.SecretKey)
        .WithRegion(settings.Region)
        .WithSSL(useSsl)
        .Build();

    public async Task<Uri> PresignPutAsync(string key, string contentType, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        // Minio's presigned PUT signs the host only; the client sends Content-Type as told, and the
        // type is never trusted anyway (completion sniffs the bytes).
        var url = await _signer.PresignedPutObjectAsync(new PresignedPutObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithExpiry(Seconds(lifetime)));
        return new Uri(url);
    }

    public async Task<Uri> PresignGetAsync(string key, string contentType, string? attachmentName, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        // response-* parameters are part of the signature: storage answers with exactly these
        // headers, whatever the object was uploaded with.
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["response-content-type"] = contentType,
            ["response-content-disposition"] = attachmentName is null ? "inline" : ContentDisposition.Attachment(attachmentName),
        };
        var url = await _signer.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithExpiry(Seconds(lifetime))
            .WithHeaders(parameters));
        return new Uri(url);
    }

    public async Task<Uri> PresignServerGetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var url = await _client.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithExpiry(Seconds(lifetime)));
        return new Uri(url);
    }

    public async Task<long?> GetSizeAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var stat = await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
            return stat.Size;
        }
        catch (Exception exception) when (IsMissing(exception))
        {
            return null;
        }
    }

    public async Task<byte[]> ReadHeadAsync(string key, int length, CancellationToken cancellationToken = default)
    {
        // No ranged GET: Minio stats the object with the Range header first, and s3rver answers that
        // HEAD with 206, which Minio takes for an error. Reading the first bytes of a plain GET and
        // dropping the response costs the same (the rest is never read off the socket).
        var buffer = new byte[length];
        var filled = 0;
        try
        {
            await _client.GetObjectAsync(new GetObjectArgs()
                .WithBucket(_bucket)
                .WithObject(key)
                .WithCallbackStream(async (stream, token) =>
                {
                    int read;
                    while (filled < length && (read = await stream.ReadAsync(buffer.AsMemory(filled), token)) > 0)
                    {
                        filled += read;
                    }
                }), cancellationToken);
        }
        catch (Exception exception) when (IsMissing(exception))
        {
            return [];
        }

        return buffer[..filled];
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await _client.GetObjectAsync(new GetObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithCallbackStream((stream, token) => stream.CopyToAsync(file, token)), cancellationToken);
    }

    public async Task UploadFileAsync(string key, string path, string contentType, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        await _client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(_bucket)
            .WithObject(key)
            .WithStreamData(file)
            .WithObjectSize(file.Length)
            .WithContentType(contentType), cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
        }
        catch (Exception exception) when (IsMissing(exception))
        {
            // Already gone: what the caller wanted.
        }
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var keys = await _listing.ListAsync(prefix, cancellationToken);
        // One DELETE per object rather than a multi-object delete: a file has a handful of
        // variants, and every S3 server (s3rver included) answers the plain call the same way.
        foreach (var key in keys)
        {
            await DeleteAsync(key, cancellationToken);
        }
    }

    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        if (!await _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_bucket), cancellationToken))
        {
            await _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket), cancellationToken);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _signer.Dispose();
    }

    private static int Seconds(TimeSpan lifetime) => Math.Max(1, (int)Math.Ceiling(lifetime.TotalSeconds));

    private static bool IsMissing(Exception exception) => exception is ObjectNotFoundException
        || (exception is MinioException minio && minio.Message.Contains("NoSuchKey", StringComparison.Ordinal));
}
