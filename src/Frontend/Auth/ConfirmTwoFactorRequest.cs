namespace Chat.Frontend.Auth;

public sealed record ConfirmTwoFactorRequest(string? Code);
