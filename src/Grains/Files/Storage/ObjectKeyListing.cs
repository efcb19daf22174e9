using Amazon.S3;
using Amazon.S3.Model;

namespace Chat.Files.Storage;

/// <summary>
/// Lists the keys under a prefix through the AWS SDK. Why not Minio's ListObjects: s3rver (the local
/// and test endpoint) answers with the XML namespace <c>http://doc.s3.amazonaws.com/2006-03-01/</c>,
/// which Minio's reader does not match, and Minio then yields no items and no error, so a prefix
/// delete would silently delete nothing. The AWS SDK's reader ignores the namespace.
/// </summary>
internal sealed class ObjectKeyListing(StorageSettings settings) : IDisposable
{
    private readonly AmazonS3Client _client = AwsS3Clients.Build(settings.Endpoint, settings.UseSsl, settings);

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = settings.Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((response.S3Objects ?? []).Select(item => item.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return keys;
    }

    public void Dispose() => _client.Dispose();
}
