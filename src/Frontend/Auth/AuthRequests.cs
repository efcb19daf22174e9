namespace Chat.Frontend.Auth;

public sealed record RegisterRequest(string? Username, string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Login, string? Password, string? TotpCode);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>What register, login and refresh answer; <see cref="RefreshToken"/> is null when it went into the refresh cookie (<see cref="TokenDelivery"/>).</summary>
public sealed record TokenResponse(Guid UserId, string AccessToken, string? RefreshToken, int ExpiresIn);
