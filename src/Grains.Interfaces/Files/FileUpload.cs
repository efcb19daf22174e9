namespace Chat.Files;

/// <summary>
/// Where the client sends the bytes: one presigned PUT (<see cref="Url"/>, <see cref="Headers"/>)
/// or, for <c>multipart</c>, a presigned URL per part of <see cref="PartSize"/> bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.files.upload")]
public sealed record FileUpload(
    [property: Id(0)] string Method,
    [property: Id(1)] Uri? Url,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Headers,
    [property: Id(3)] long? PartSize,
    [property: Id(4)] IReadOnlyList<UploadPartUrl>? Parts,
    [property: Id(5)] DateTimeOffset ExpiresAt)
{
    public const string Put = "PUT";
    public const string Multipart = "multipart";
}

[GenerateSerializer, Immutable, Alias("chat.files.part-url")]
public sealed record UploadPartUrl([property: Id(0)] int PartNumber, [property: Id(1)] Uri Url);
