using System.Text.Json;
using System.Text.Json.Serialization;
using Chat.Text;

namespace Chat.Frontend.Text;

/// <summary>
/// Reads every JSON string of every request (REST bodies and hub arguments) and refuses one that
/// <see cref="TextRules"/> would: the one place text is checked, so no field can be forgotten.
/// </summary>
public sealed class StorableTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        return ReadChecked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadChecked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string ReadChecked(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") the reader itself will not turn into a string.
            throw new UnstorableTextException();
        }

        return TextRules.IsStorable(text) ? text : throw new UnstorableTextException();
    }
}
