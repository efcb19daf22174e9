namespace Chat.Files;

/// <summary>What completion decided a file is: the type storage will serve it as and its kind; or why it was refused.</summary>
internal sealed record TypeVerdict(string? ContentType, string? Kind, string? Refusal)
{
    public static TypeVerdict Accept(string contentType, string kind) => new(contentType, kind, null);

    public static TypeVerdict Refuse(string reason) => new(null, null, reason);
}
