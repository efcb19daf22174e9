namespace Chat.Frontend.Accounts.Phone;

public sealed record PhoneRequest(string? Phone);
