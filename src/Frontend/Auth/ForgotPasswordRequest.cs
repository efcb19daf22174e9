namespace Chat.Frontend.Auth;

public sealed record ForgotPasswordRequest(string? Email);
