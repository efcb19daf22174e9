using Microsoft.Extensions.Options;

namespace Chat.Files.Previews;

/// <summary>Makes one stage's previews of an original in a local file, choosing the tools by the file's kind and type.</summary>
public sealed class PreviewMaker(IOptions<PreviewOptions> options)
{
    private readonly PreviewOptions _options = options.Value;

    public async Task<PreviewSet> MakeAsync(string stage, PreviewSource source, string originalPath, string workDir, CancellationToken cancellationToken)
    {
        var timeout = _options.PreviewToolTimeout;
        if (stage == PreviewStages.Transcode)
        {
            return await VideoPreviews.MakeWebRenditionAsync(originalPath, workDir, timeout, cancellationToken);
        }

        return source.Kind switch
        {
            // libvips is synchronous and CPU-bound: off the caller's thread.
            "image" => await Task.Run(() => ImagePreviews.Make(originalPath, source.ContentType, source.IsAvatar, _options.MaxImagePixels, workDir), cancellationToken),
            "video" => await VideoPreviews.MakeAsync(originalPath, source.ContentType, source.IsAvatar, workDir, timeout, cancellationToken),
            "audio" => await AudioPreviews.MakeAsync(originalPath, timeout, cancellationToken),
            _ when source.ContentType == "application/pdf" => await PdfPreviews.MakeAsync(originalPath, workDir, timeout, cancellationToken),
            _ => PreviewSet.Nothing,
        };
    }
}
