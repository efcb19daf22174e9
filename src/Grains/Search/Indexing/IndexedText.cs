using System.Text;
using System.Text.Json;

namespace Chat.Search.Indexing;

/// <summary>
/// The text of a message that search finds it by: its content (the text, a caption, a code block),
/// and the words its metadata shows as text: a poll's question and options, a shared contact's
/// name, a document's file name. Not indexed: ids, coordinates, sticker and GIF references, URLs
/// of files (nothing a reader sees as words). Parts are joined by a line break, so a phrase never
/// runs from one into the next by accident of adjacency in the text (positions still continue).
/// </summary>
public static class IndexedText
{
    public static string Of(string type, string content, string? metadataJson)
    {
        var text = new StringBuilder(content);
        if (metadataJson is null)
        {
            return text.ToString();
        }

        using var metadata = JsonDocument.Parse(metadataJson);
        var root = metadata.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return text.ToString();
        }

        switch (type)
        {
            case "poll":
                Append(text, root, "question");
                if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array)
                {
                    foreach (var option in options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String))
                    {
                        AppendLine(text, option.GetString()!);
                    }
                }

                break;
            case "contact":
                Append(text, root, "name");
                break;
            case "document":
                Append(text, root, "fileName");
                break;
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonElement root, string property)
    {
        if (root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            AppendLine(text, value.GetString()!);
        }
    }

    private static void AppendLine(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(part);
    }
}
