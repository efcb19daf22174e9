using System.Text.Json;

namespace Chat.Frontend.Text;

/// <summary>
/// A string in a request that <see cref="Chat.Text.TextRules"/> refuses. A <see cref="JsonException"/>
/// so the serializer fills in <see cref="JsonException.Path"/>, which names the field in the answer.
/// </summary>
public sealed class UnstorableTextException : JsonException
{
    public UnstorableTextException() : base(Chat.Text.TextRules.Refusal) { }

    public UnstorableTextException(string message) : base(message) { }

    public UnstorableTextException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The field as clients name it: <c>$.profile.displayName</c> becomes <c>profile.displayName</c>.</summary>
    public string Field => Path is null or "$" ? "" : Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
}
