namespace Chat.Search;

/// <summary>What a message carries, as the bits of <c>message_search.kinds</c> that <c>has:</c> filters read.</summary>
[Flags]
public enum SearchKinds : short
{
    None = 0,
    Image = 1,
    Video = 2,
    Voice = 4,
    Audio = 8,
    Document = 16,
    Link = 32,

    /// <summary><c>has:file</c>: any attachment at all.</summary>
    AnyFile = Image | Video | Voice | Audio | Document,
}
