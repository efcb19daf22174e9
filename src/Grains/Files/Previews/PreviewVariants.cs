namespace Chat.Files.Previews;

/// <summary>The names of the objects beside an original, as <c>files.previews</c> and the thumbnail URLs spell them.</summary>
public static class PreviewVariants
{
    public const string Small = "320";
    public const string Large = "1280";
    public const string AvatarSmall = "96";
    public const string AvatarLarge = "512";
    public const string Poster = "poster";
    public const string Web = "web";

    /// <summary>The image's copy without metadata; not a preview (not in <c>files.previews</c>), it becomes <c>files.clean_key</c>.</summary>
    public const string Clean = "clean";

    public static string Key(Guid fileId, string variant) => $"files/{fileId}/{variant}";

    public static string Prefix(Guid fileId) => $"files/{fileId}/";
}
