namespace Chat.Accounts;

/// <summary>A data export as its owner sees it; <see cref="Content"/> (a zip) is empty unless it is ready.</summary>
[GenerateSerializer, Immutable, Alias("chat.accounts.data-export-result")]
public sealed record DataExport(
    [property: Id(0)] DataExportStatus Status,
    [property: Id(1)] byte[] Content)
{
    // Records print every property; the archive is personal data.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Status = {Status}, Content = [{Content.Length} bytes]");
        return true;
    }
}
