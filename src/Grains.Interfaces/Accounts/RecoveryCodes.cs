namespace Chat.Accounts;

/// <summary>Single-use recovery codes, shown once when two-factor is turned on; only their hashes are kept.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.recovery-codes")]
public sealed record RecoveryCodes([property: Id(0)] IReadOnlyList<string> Codes)
{
    // Records print every property; runtimes log messages at trace level, so keep the codes out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Codes = [{Codes.Count} × ***]");
        return true;
    }
}
