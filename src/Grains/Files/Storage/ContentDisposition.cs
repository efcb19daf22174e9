using System.Text;

namespace Chat.Files.Storage;

/// <summary>Builds a <c>Content-Disposition: attachment</c> value that carries any file name safely (RFC 6266 / 5987).</summary>
public static class ContentDisposition
{
    public static string Attachment(string name)
    {
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            // The quoted fallback keeps printable ASCII only: no quote, backslash or control
            // character can end the header value early.
            ascii.Append(c is >= ' ' and < '\x7f' and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
