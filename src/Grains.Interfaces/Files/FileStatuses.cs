namespace Chat.Files;

/// <summary>A file's lifecycle (<c>files.status</c>) and purposes.</summary>
public static class FileStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Ready = "ready";
}

public static class FilePurposes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "message", "avatar", "story" };
}

/// <summary>What a file is, from its sniffed type (<c>files.kind</c>).</summary>
public static class FileKinds
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string Document = "document";
}
