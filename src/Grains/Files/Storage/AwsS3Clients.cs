using Amazon.Runtime;
using Amazon.S3;

namespace Chat.Files.Storage;

/// <summary>How the AWS SDK is pointed at an S3-compatible endpoint (MinIO, s3rver, AWS).</summary>
internal static class AwsS3Clients
{
    public static AmazonS3Client Build(string endpoint, bool useSsl, StorageSettings settings) => new(
        new BasicAWSCredentials(settings.AccessKey, settings.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = $"{(useSsl ? "https" : "http")}://{endpoint}",
            AuthenticationRegion = settings.Region,
            // MinIO and s3rver name buckets in the path, not in a virtual host.
            ForcePathStyle = true,
            // SDK 4 adds CRC checksums to every request by default; MinIO and s3rver refuse or
            // mishandle them on multipart calls, and a presigned part PUT cannot carry one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
