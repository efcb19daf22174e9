namespace Chat.Frontend.Users;

public sealed record DeleteAccountRequest(string? Password, string? TotpCode);
