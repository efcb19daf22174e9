namespace Chat.Frontend.Phone;

public sealed record PhoneCodeRequest(string? Code);
