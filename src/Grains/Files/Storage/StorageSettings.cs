using System.ComponentModel.DataAnnotations;

namespace Chat.Files.Storage;

/// <summary>The <c>Storage</c> section: the S3 endpoint (MinIO, s3rver or AWS) and bucket the files live in.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>host:port the server reaches storage at (e.g. <c>minio:9000</c> inside compose).</summary>
    [Required(ErrorMessage = "is missing")]
    public string Endpoint { get; set; } = "";

    [Required(ErrorMessage = "is missing")]
    public string AccessKey { get; set; } = "";

    [Required(ErrorMessage = "is missing")]
    public string SecretKey { get; set; } = "";

    [Required(ErrorMessage = "is missing")]
    public string Bucket { get; set; } = "";

    public bool UseSsl { get; set; }

    /// <summary>Set, so presigning never asks the endpoint for the bucket's region (the public host may be unreachable from the server).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// host:port browsers reach storage at, which presigned URLs name (the signature covers the host,
    /// so they are signed for it, not rewritten). Empty: the same as <see cref="Endpoint"/>.
    /// </summary>
    public string PublicEndpoint { get; set; } = "";

    /// <summary>Whether browsers reach <see cref="PublicEndpoint"/> over https; null: as <see cref="UseSsl"/>.</summary>
    public bool? PublicUseSsl { get; set; }

    internal string EffectivePublicEndpoint => PublicEndpoint.Length > 0 ? PublicEndpoint : Endpoint;

    internal bool EffectivePublicUseSsl => PublicUseSsl ?? UseSsl;

    /// <summary>The origin (scheme://host:port) browsers reach storage at, as presigned URLs name it.</summary>
    public string PublicOrigin => $"{(EffectivePublicUseSsl ? "https" : "http")}://{EffectivePublicEndpoint}";
}
