namespace Chat.Frontend.Accounts.Phone;

public sealed record PhoneCodeRequest(string? Code);
