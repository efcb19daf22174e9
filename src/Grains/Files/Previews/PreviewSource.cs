namespace Chat.Files.Previews;

/// <summary>The facts about an original that decide which previews it gets (as completion wrote them to <c>files</c>).</summary>
public sealed record PreviewSource(string Kind, string ContentType, string Purpose)
{
    public bool IsAvatar => Purpose == "avatar";
}
