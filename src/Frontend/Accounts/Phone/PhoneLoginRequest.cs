namespace Chat.Frontend.Accounts.Phone;

public sealed record PhoneLoginRequest(string? Phone, string? Code, string? TotpCode);
