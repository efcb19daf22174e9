namespace Chat.Files.Previews;

/// <summary>An image's previews: its thumbnails, placeholder and displayed size, and the clean copy when it needs one.</summary>
internal static class ImagePreviews
{
    public static PreviewSet Make(string originalPath, string contentType, bool avatar, long maxPixels, string workDir)
    {
        // The header is read (and the pixel limit applied) before anything decodes the pixels.
        var header = ImageHeader.Read(originalPath, maxPixels);
        var thumbnails = ImageThumbnails.Make(originalPath, avatar, workDir);
        var objects = thumbnails.Objects.ToList();
        if (header.NeedsCleanCopy)
        {
            objects.Add(ImageCleanCopy.Make(originalPath, contentType, header, workDir));
        }

        var media = new PreviewMedia { Width = header.DisplayWidth, Height = header.DisplayHeight, Placeholder = thumbnails.Placeholder };
        return new PreviewSet(media, objects);
    }
}
