namespace Chat.Frontend.Phone;

public sealed record PhoneRequest(string? Phone);
