namespace Chat.Files;

/// <summary>
/// Whether a file's bytes agree with what the client declared (its type and its name's extension).
/// The sniffed type decides; the declaration may only narrow it. HTML and executables never pass
/// as anything but an opaque <c>application/octet-stream</c> document, and SVG is a document.
/// </summary>
internal static class FileTypeRules
{
    private static readonly Dictionary<string, string> KindByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = FileKinds.Image, [".jpeg"] = FileKinds.Image, [".png"] = FileKinds.Image, [".gif"] = FileKinds.Image,
        [".webp"] = FileKinds.Image, [".heic"] = FileKinds.Image, [".heif"] = FileKinds.Image, [".avif"] = FileKinds.Image,
        [".mp4"] = FileKinds.Video, [".mov"] = FileKinds.Video, [".webm"] = FileKinds.Video, [".m4v"] = FileKinds.Video,
        [".mp3"] = FileKinds.Audio, [".m4a"] = FileKinds.Audio, [".ogg"] = FileKinds.Audio, [".oga"] = FileKinds.Audio,
        [".opus"] = FileKinds.Audio, [".wav"] = FileKinds.Audio, [".flac"] = FileKinds.Audio, [".aac"] = FileKinds.Audio,
        [".pdf"] = FileKinds.Document,
    };

    public static TypeVerdict Decide(string declaredType, string name, SniffedType sniffed)
    {
        var declared = declaredType.ToLowerInvariant();
        var verdict = DecideByType(declared, sniffed);
        if (verdict.Refusal is not null)
        {
            return verdict;
        }

        // A name like photo.jpg makes clients (and people) expect a picture: the bytes must be one.
        // .webm and .ogg may hold audio as well as video, so either fits them.
        if (KindByExtension.TryGetValue(Path.GetExtension(name), out var nameKind) && nameKind != verdict.Kind
            && !(nameKind == FileKinds.Video && verdict.Kind == FileKinds.Audio && sniffed.Family == SniffedFamily.MediaContainer)
            && !(nameKind == FileKinds.Audio && verdict.Kind == FileKinds.Video && sniffed.Family == SniffedFamily.MediaContainer)
            && !(nameKind == FileKinds.Document && sniffed.Family == SniffedFamily.Pdf))
        {
            return TypeVerdict.Refuse($"the file is named {Path.GetExtension(name)} but its bytes are {Describe(sniffed)}");
        }

        return verdict;
    }

    private static TypeVerdict DecideByType(string declared, SniffedType sniffed)
    {
        if (sniffed.Family is SniffedFamily.Html or SniffedFamily.Executable)
        {
            return declared == "application/octet-stream"
                ? TypeVerdict.Accept("application/octet-stream", FileKinds.Document)
                : TypeVerdict.Refuse($"the file was declared {declared} but its bytes are {Describe(sniffed)}");
        }

        if (declared == "image/svg+xml")
        {
            return sniffed.Family == SniffedFamily.Svg
                ? TypeVerdict.Accept("image/svg+xml", FileKinds.Document)
                : Mismatch(declared, sniffed);
        }

        if (declared.StartsWith("image/", StringComparison.Ordinal))
        {
            return sniffed.Family == SniffedFamily.RasterImage ? TypeVerdict.Accept(sniffed.ContentType, FileKinds.Image) : Mismatch(declared, sniffed);
        }

        if (declared.StartsWith("video/", StringComparison.Ordinal))
        {
            return sniffed.Family == SniffedFamily.MediaContainer
                ? TypeVerdict.Accept("video/" + Subtype(sniffed.ContentType), FileKinds.Video)
                : Mismatch(declared, sniffed);
        }

        if (declared.StartsWith("audio/", StringComparison.Ordinal))
        {
            return sniffed.Family switch
            {
                SniffedFamily.Audio => TypeVerdict.Accept(sniffed.ContentType, FileKinds.Audio),
                SniffedFamily.MediaContainer => TypeVerdict.Accept("audio/" + Subtype(sniffed.ContentType), FileKinds.Audio),
                _ => Mismatch(declared, sniffed),
            };
        }

        if (declared == "application/pdf")
        {
            return sniffed.Family == SniffedFamily.Pdf ? TypeVerdict.Accept("application/pdf", FileKinds.Document) : Mismatch(declared, sniffed);
        }

        // A document: what the bytes are when we know it, else what was declared (an allowed type, never HTML).
        return sniffed.Family switch
        {
            SniffedFamily.RasterImage => TypeVerdict.Accept(sniffed.ContentType, FileKinds.Image),
            SniffedFamily.MediaContainer => TypeVerdict.Accept(sniffed.ContentType, FileKinds.Video),
            SniffedFamily.Audio => TypeVerdict.Accept(sniffed.ContentType, FileKinds.Audio),
            SniffedFamily.Pdf or SniffedFamily.Svg => TypeVerdict.Accept(sniffed.ContentType, FileKinds.Document),
            SniffedFamily.Text when declared.StartsWith("text/", StringComparison.Ordinal) => TypeVerdict.Accept(declared, FileKinds.Document),
            SniffedFamily.Text => TypeVerdict.Accept("text/plain", FileKinds.Document),
            _ => TypeVerdict.Accept(declared.StartsWith("text/", StringComparison.Ordinal) ? "application/octet-stream" : declared, FileKinds.Document),
        };
    }

    private static TypeVerdict Mismatch(string declared, SniffedType sniffed) =>
        TypeVerdict.Refuse($"the file was declared {declared} but its bytes are {Describe(sniffed)}");

    private static string Describe(SniffedType sniffed) => sniffed.Family switch
    {
        SniffedFamily.Html => "HTML",
        SniffedFamily.Executable => "an executable",
        SniffedFamily.Unknown => "of no known type",
        SniffedFamily.Text => "plain text",
        _ => sniffed.ContentType,
    };

    private static string Subtype(string contentType) => contentType[(contentType.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
