namespace Chat.Search;

/// <summary>The bounds of people and conversation search queries.</summary>
public static class PeopleSearchLimits
{
    public const int MaxQueryChars = 100;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>Shorter folded usernames are matched by word prefix only: a one- or two-letter substring matches almost everyone, and pg_trgm needs three.</summary>
    public const int MinSubstringChars = 3;
}
