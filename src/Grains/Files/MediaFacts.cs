using System.Text.Json.Serialization;

namespace Chat.Files;

/// <summary>The facts completion learns from a file's header (the start of <c>files.media</c>; the previews add the rest).</summary>
internal sealed record MediaFacts(
    [property: JsonPropertyName("width"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Width,
    [property: JsonPropertyName("height"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Height,
    [property: JsonPropertyName("durationMs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? DurationMs)
{
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);
}

/// <summary>The outcome of a header check: the facts, or why the file was refused.</summary>
internal sealed record HeaderCheck(MediaFacts? Facts, string? Refusal)
{
    public static HeaderCheck Pass(MediaFacts facts) => new(facts, null);

    public static HeaderCheck Refuse(string reason) => new(null, reason);
}
