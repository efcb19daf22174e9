namespace Chat.Frontend.Auth;

public sealed record DisableTwoFactorRequest(string? Password, string? Code);
