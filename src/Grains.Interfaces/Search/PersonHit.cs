namespace Chat.Search;

/// <summary>
/// One person found; <see cref="MatchedBy"/> is one of <see cref="PeopleMatches"/>. The avatar is
/// shown only as the person's profile-photo setting lets the caller see it.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.search.person-hit")]
public sealed record PersonHit(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Username,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Guid? AvatarFileId,
    [property: Id(4)] string MatchedBy);
