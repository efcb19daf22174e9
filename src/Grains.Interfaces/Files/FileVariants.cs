namespace Chat.Files;

/// <summary>The names of what can be downloaded of a file: the original, and the previews at <c>files/{id}/{variant}</c>.</summary>
public static class FileVariants
{
    public const string Original = "original";
    public const string Web = "web";
    public const string Poster = "poster";

    /// <summary>The thumbnail sizes <c>GET /api/files/{id}/thumbnail/{size}</c> accepts.</summary>
    public static readonly IReadOnlySet<string> Thumbnails = new HashSet<string>(StringComparer.Ordinal) { "320", "1280", "96", "512", Poster };

    /// <summary>The type a preview variant is stored as.</summary>
    public static string ContentTypeOf(string variant) => variant switch
    {
        Poster => "image/jpeg",
        Web => "video/mp4",
        _ => "image/webp",
    };
}
