namespace Chat.Search;

/// <summary>The wire names of what a person was found by (<see cref="PersonHit.MatchedBy"/>).</summary>
public static class PeopleMatches
{
    public const string Username = "username";
    public const string DisplayName = "displayName";
    public const string Email = "email";
    public const string Phone = "phone";
}
