namespace Chat.Frontend.Auth;

public sealed record VerifyEmailRequest(string? Token);
