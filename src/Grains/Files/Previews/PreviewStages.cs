namespace Chat.Files.Previews;

/// <summary>The stages of a <c>file_preview_jobs</c> row: the fast previews first, then (for some videos) the slow web rendition.</summary>
public static class PreviewStages
{
    public const string Previews = "previews";
    public const string Transcode = "transcode";
}
