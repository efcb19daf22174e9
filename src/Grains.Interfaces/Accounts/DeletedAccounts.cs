namespace Chat.Accounts;

/// <summary>How an erased account appears: its messages keep their sender id, which resolves to this tombstone.</summary>
public static class DeletedAccounts
{
    public const string DisplayName = "Deleted user";

    /// <summary>The tombstone that replaces the username, email and their keys, so the originals can be used again.</summary>
    public static string Tombstone(Guid userId) => $"deleted-{userId:N}";
}
