using System.Text.RegularExpressions;
using Chat.Files;

namespace Chat.Search.Indexing;

/// <summary>
/// What a message carries, for <c>has:</c>. The type says it for a single attachment (a voice note is
/// voice even though its file is audio); the files say it for an album (photos, videos or both) and
/// whatever else carries several. A sticker or GIF is neither an image nor a video here: it is a
/// reaction, not something one searches the photos for. A link is a URL in the indexed text.
/// </summary>
public static partial class IndexedKinds
{
    public static SearchKinds Of(string type, IEnumerable<string> fileKinds, string indexedText)
    {
        if (type is "sticker" or "gif")
        {
            return HasLink(indexedText) ? SearchKinds.Link : SearchKinds.None;
        }

        var kinds = OfType(type);
        foreach (var kind in fileKinds)
        {
            kinds |= kind switch
            {
                FileKinds.Image => SearchKinds.Image,
                FileKinds.Video => SearchKinds.Video,
                FileKinds.Audio => type == "voice" ? SearchKinds.Voice : SearchKinds.Audio,
                FileKinds.Document => SearchKinds.Document,
                _ => SearchKinds.None,
            };
        }

        return HasLink(indexedText) ? kinds | SearchKinds.Link : kinds;
    }

    public static bool HasLink(string text) => text.Length >= 5 && LinkPattern().IsMatch(text);

    private static SearchKinds OfType(string type) => type switch
    {
        "image" => SearchKinds.Image,
        "video" => SearchKinds.Video,
        "voice" => SearchKinds.Voice,
        "audio" => SearchKinds.Audio,
        "document" => SearchKinds.Document,
        _ => SearchKinds.None,
    };

    // A scheme or www. at a word start, followed by something that could be a host.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:https?://|www\.)[^\s/?#.]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
