using System.Text;

namespace Chat.Files;

/// <summary>
/// Names a file's real type from its first bytes with a small table of signatures. Why no library:
/// the types we accept are a short, known list whose magic numbers are fixed by their formats, the
/// .NET options (MimeDetective and the like) ship large definition sets for thousands of types we
/// refuse anyway, and what matters here (HTML and executables never pass as media) is clearer as a
/// table anyone can read.
/// </summary>
internal static class FileTypeSniffer
{
    public static SniffedType Sniff(ReadOnlySpan<byte> head)
    {
        if (Starts(head, [0xFF, 0xD8, 0xFF]))
        {
            return new("image/jpeg", SniffedFamily.RasterImage);
        }

        if (Starts(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("image/png", SniffedFamily.RasterImage);
        }

        if (StartsAscii(head, "GIF87a") || StartsAscii(head, "GIF89a"))
        {
            return new("image/gif", SniffedFamily.RasterImage);
        }

        if (StartsAscii(head, "RIFF") && AsciiAt(head, 8, "WEBP"))
        {
            return new("image/webp", SniffedFamily.RasterImage);
        }

        if (StartsAscii(head, "RIFF") && AsciiAt(head, 8, "WAVE"))
        {
            return new("audio/wav", SniffedFamily.Audio);
        }

        if (AsciiAt(head, 4, "ftyp"))
        {
            return SniffIsoMedia(head);
        }

        if (Starts(head, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new("video/webm", SniffedFamily.MediaContainer);
        }

        if (StartsAscii(head, "OggS"))
        {
            return new("audio/ogg", SniffedFamily.MediaContainer);
        }

        if (StartsAscii(head, "fLaC"))
        {
            return new("audio/flac", SniffedFamily.Audio);
        }

        if (StartsAscii(head, "ID3") || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0))
        {
            return new("audio/mpeg", SniffedFamily.Audio);
        }

        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0)
        {
            return new("audio/aac", SniffedFamily.Audio);
        }

        if (StartsAscii(head, "%PDF-"))
        {
            return new("application/pdf", SniffedFamily.Pdf);
        }

        if (Starts(head, [0x50, 0x4B, 0x03, 0x04]))
        {
            return new("application/zip", SniffedFamily.Zip);
        }

        if (StartsAscii(head, "MZ") || Starts(head, [0x7F, 0x45, 0x4C, 0x46])
            || Starts(head, [0xCF, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCE, 0xFA, 0xED, 0xFE]) || Starts(head, [0xCA, 0xFE, 0xBA, 0xBE])
            || StartsAscii(head, "#!"))
        {
            return new("application/octet-stream", SniffedFamily.Executable);
        }

        return SniffText(head);
    }

    private static SniffedType SniffIsoMedia(ReadOnlySpan<byte> head)
    {
        var brand = head.Length >= 12 ? Encoding.ASCII.GetString(head.Slice(8, 4)) : "";
        return brand switch
        {
            "heic" or "heix" or "heim" or "heis" or "mif1" or "msf1" => new("image/heic", SniffedFamily.RasterImage),
            "avif" or "avis" => new("image/avif", SniffedFamily.RasterImage),
            "M4A " or "M4B " => new("audio/mp4", SniffedFamily.Audio),
            "qt  " => new("video/quicktime", SniffedFamily.MediaContainer),
            _ => new("video/mp4", SniffedFamily.MediaContainer),
        };
    }

    // Browsers sniff HTML from the first tag after whitespace (the WHATWG sniffing table); so do we,
    // looking a little further, since a refusal costs nothing and a miss could run script.
    private static readonly string[] HtmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<title", "<style", "<a ", "<div", "<table", "<img", "<br", "<p>", "<h1", "<font", "<b>", "<!--"];

    private static SniffedType SniffText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return new("application/octet-stream", SniffedFamily.Unknown);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(TrimIncompleteTail(head));
        }
        catch (DecoderFallbackException)
        {
            return new("application/octet-stream", SniffedFamily.Unknown);
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        var lower = start.Length > 1024 ? start[..1024].ToLowerInvariant() : start.ToLowerInvariant();
        if (lower.Contains("<svg", StringComparison.Ordinal) && (lower.StartsWith("<svg", StringComparison.Ordinal) || lower.StartsWith("<?xml", StringComparison.Ordinal) || lower.StartsWith("<!doctype svg", StringComparison.Ordinal)))
        {
            return new("image/svg+xml", SniffedFamily.Svg);
        }

        if (HtmlMarkers.Any(marker => lower.StartsWith(marker, StringComparison.Ordinal)) || lower.Contains("<script", StringComparison.Ordinal) || lower.Contains("<html", StringComparison.Ordinal))
        {
            return new("text/html", SniffedFamily.Html);
        }

        return new("text/plain", SniffedFamily.Text);
    }

    // A head cut at an arbitrary byte may split the last UTF-8 sequence; that is not invalid text.
    private static ReadOnlySpan<byte> TrimIncompleteTail(ReadOnlySpan<byte> head)
    {
        var end = head.Length;
        var back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80)
        {
            back++;
        }

        if (end - back - 1 >= 0 && head[end - back - 1] >= 0xC0)
        {
            var lead = head[end - back - 1];
            var needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
            if (back < needed)
            {
                return head[..(end - back - 1)];
            }
        }

        return head;
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static bool StartsAscii(ReadOnlySpan<byte> head, string signature) => AsciiAt(head, 0, signature);

    private static bool AsciiAt(ReadOnlySpan<byte> head, int offset, string signature)
    {
        if (head.Length < offset + signature.Length)
        {
            return false;
        }

        for (var i = 0; i < signature.Length; i++)
        {
            if (head[offset + i] != signature[i])
            {
                return false;
            }
        }

        return true;
    }
}
