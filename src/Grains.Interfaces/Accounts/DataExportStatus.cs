namespace Chat.Accounts;

/// <summary>Where a personal data export stands, as its owner sees it.</summary>
[GenerateSerializer, Alias("chat.accounts.data-export-status")]
public enum DataExportStatus
{
    NotFound,
    Pending,
    Ready,
}
