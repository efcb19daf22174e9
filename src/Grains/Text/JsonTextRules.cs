using System.Text.Json;
using Chat.Errors;

namespace Chat.Text;

/// <summary><see cref="TextRules"/> for every property name and string value of a JSON document (message metadata).</summary>
public static class JsonTextRules
{
    public static void Require(JsonElement element, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                RequireString(element, field);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = ReadName(property, field);
                    Require(property.Value, $"{field}.{name}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Require(item, $"{field}[{index++}]");
                }

                break;
        }
    }

    private static string ReadName(JsonProperty property, string field)
    {
        try
        {
            return TextRules.IsStorable(property.Name) ? property.Name : throw Refused($"a key of {field}");
        }
        catch (InvalidOperationException)
        {
            throw Refused($"a key of {field}");
        }
    }

    private static void RequireString(JsonElement element, string field)
    {
        try
        {
            if (!TextRules.IsStorable(element.GetString()))
            {
                throw Refused(field);
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate the reader itself will not turn into a string.
            throw Refused(field);
        }
    }

    private static ChatException Refused(string field) => ChatException.BadRequest($"{field} {TextRules.Refusal}");
}
