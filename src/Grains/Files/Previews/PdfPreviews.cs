using System.Globalization;
using System.Text.RegularExpressions;

namespace Chat.Files.Previews;

/// <summary>A PDF's page count (pdfinfo) and its first page (pdftoppm) as thumbnails; libvips here has no PDF loader.</summary>
internal static partial class PdfPreviews
{
    /// <summary>The first page is rendered no larger than the large thumbnail, which bounds its pixels whatever the page size says.</summary>
    private const int RenderSide = 1280;

    public static async Task<PreviewSet> MakeAsync(string originalPath, string workDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = await CommandLine.RunAsync("pdfinfo", [originalPath], timeout, cancellationToken);
        var pages = PagesLine().Match(info) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;

        var prefix = Path.Combine(workDir, "page");
        await CommandLine.RunAsync("pdftoppm",
            ["-f", "1", "-l", "1", "-singlefile", "-png", "-scale-to", RenderSide.ToString(CultureInfo.InvariantCulture), originalPath, prefix],
            timeout, cancellationToken);
        var page = prefix + ".png";
        var header = ImageHeader.Read(page, (long)RenderSide * RenderSide);
        var thumbnails = ImageThumbnails.Make(page, avatar: false, workDir);
        var media = new PreviewMedia { Width = header.Width, Height = header.Height, Pages = pages, Placeholder = thumbnails.Placeholder };
        return new PreviewSet(media, thumbnails.Objects);
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
