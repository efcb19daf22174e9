namespace Chat.Accounts;

/// <summary>What a person signs up with; validated by the Frontend and again by the directory grain.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.registration")]
public sealed record Registration(
    [property: Id(0)] string Username,
    [property: Id(1)] string Email,
    [property: Id(2)] string Password,
    [property: Id(3)] string? DisplayName)
{
    // Records print every property; runtimes log messages at trace level, so keep the password out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Username = {Username}, Email = {Email}, Password = ***, DisplayName = {DisplayName}");
        return true;
    }
}
