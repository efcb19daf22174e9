namespace Chat.Accounts;

/// <summary>What a person signs up with; validated by the Frontend and again by the directory grain.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.registration")]
public sealed record Registration(
    [property: Id(0)] string Username,
    [property: Id(1)] string Email,
    [property: Id(2)] string Password,
    [property: Id(3)] string? DisplayName);
