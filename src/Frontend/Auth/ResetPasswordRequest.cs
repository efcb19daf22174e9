namespace Chat.Frontend.Auth;

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
