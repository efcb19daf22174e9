namespace Chat.Files.Attachments;

/// <summary>The bounds of what messages carry and what the files tab pages.</summary>
public static class AttachmentLimits
{
    /// <summary>An album's most items; no message names more files.</summary>
    public const int MaxFilesPerMessage = 10;

    public const int DefaultFilesPageSize = 50;

    public const int MaxFilesPageSize = 200;
}
