namespace Chat.Accounts;

/// <summary>
/// A one-time code for a phone, for the Frontend to text and forget; <see cref="Issued"/> false
/// (and an empty code) when none was issued, so callers never receive null.
/// </summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.phone-code")]
public sealed record PhoneCode(
    [property: Id(0)] bool Issued,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Phone,
    [property: Id(3)] string Code)
{
    public static PhoneCode None { get; } = new(false, Guid.Empty, "", "");

    // Records print every property; runtimes log messages at trace level, so keep the number and code out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Issued = {Issued}, UserId = {UserId}, Phone = ***, Code = ***");
        return true;
    }
}
