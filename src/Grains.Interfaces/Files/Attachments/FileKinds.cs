namespace Chat.Files.Attachments;

/// <summary>What a file is, as the server sniffed it from its bytes (<c>files.kind</c>).</summary>
public static class FileKinds
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string Document = "document";

    public static readonly IReadOnlyList<string> All = [Image, Video, Audio, Document];

    public static bool IsKnown(string? kind) => kind is Image or Video or Audio or Document;
}
