using Chat.Errors;

namespace Chat.Files;

/// <summary>
/// What a caller who may see a file downloads of a variant, and how storage must serve it: raster
/// images inline as their sniffed type, everything else as an attachment; an image's or a video's original
/// only to its owner (others get the clean copy, which may still be in the making).
/// </summary>
internal static class FileDownloads
{
    public static FileDownload Resolve(FileRow row, Guid callerId, string variant, bool asAttachment)
    {
        if (row.Status == FileStatuses.Pending)
        {
            throw ChatException.NotFound(FileAccess.NotFoundMessage);
        }

        if (variant == FileVariants.Original || (variant == FileVariants.Web && !row.Previews.Contains(FileVariants.Web)))
        {
            return Original(row, callerId, asAttachment);
        }

        if (!row.Previews.Contains(variant))
        {
            throw ChatException.NotFound($"the file has no {variant} preview");
        }

        var type = FileVariants.ContentTypeOf(variant);
        var inline = type.StartsWith("image/", StringComparison.Ordinal) && !asAttachment;
        return new FileDownload(FileRow.VariantKey(row.FileId, variant), type, inline ? null : PreviewName(row.Name, variant, type));
    }

    private static FileDownload Original(FileRow row, Guid callerId, bool asAttachment)
    {
        var key = row.ObjectKey;
        if (row.Kind is FileKinds.Image or FileKinds.Video && row.OwnerId != callerId)
        {
            // Others never get the original of a picture or a video: it may carry where it was taken (EXIF GPS,
            // a phone's location atom). The clean copy comes with the previews.
            key = row.CleanKey ?? (row.Status == FileStatuses.Processing
                ? throw new ChatException(ErrorCodes.Unavailable, $"the {row.Kind} is still being processed") { RetryAfterSeconds = 2 }
                : throw ChatException.NotFound($"the {row.Kind} has no shareable copy"));
        }

        var contentType = row.ContentType ?? "application/octet-stream";
        var inline = row.Kind == FileKinds.Image && !asAttachment;
        return new FileDownload(key, inline ? contentType : AttachmentType(contentType), inline ? null : row.Name);
    }

    // Served as an attachment anyway; text types gain nothing from their own type but a reason for a browser to render.
    private static string AttachmentType(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : contentType;

    private static string PreviewName(string name, string variant, string type) =>
        $"{Path.GetFileNameWithoutExtension(name)}-{variant}{(type == "image/jpeg" ? ".jpg" : type == "video/mp4" ? ".mp4" : ".webp")}";
}
