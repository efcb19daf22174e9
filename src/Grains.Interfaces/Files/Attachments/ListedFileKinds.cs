namespace Chat.Files.Attachments;

/// <summary>The kinds the files tab lists by (its <c>type</c>): every <see cref="FileKinds"/> value.</summary>
public static class ListedFileKinds
{
    public static readonly IReadOnlyList<string> All = [FileKinds.Image, FileKinds.Video, FileKinds.Audio, FileKinds.Document];

    public static bool IsKnown(string? kind) => kind is FileKinds.Image or FileKinds.Video or FileKinds.Audio or FileKinds.Document;
}
