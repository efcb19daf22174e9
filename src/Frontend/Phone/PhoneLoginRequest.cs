namespace Chat.Frontend.Phone;

public sealed record PhoneLoginRequest(string? Phone, string? Code, string? TotpCode);
