using Microsoft.AspNetCore.Authentication;

namespace Chat.Frontend.Auth;

/// <summary>
/// Hands SignalR the access token's expiry (for <c>CloseOnAuthenticationExpiration</c>) without
/// keeping an authentication result: the result is made only when read, which the connection
/// dispatcher does once, as the socket opens. <see cref="Realtime.ChatHubLifetimeManager"/> then removes it.
/// </summary>
internal sealed class TokenExpiryFeature(HttpContext context, DateTimeOffset expiresAt) : IAuthenticateResultFeature
{
    public AuthenticateResult? AuthenticateResult
    {
        get => AuthenticateResult.Success(new AuthenticationTicket(
            context.User, new AuthenticationProperties { ExpiresUtc = expiresAt }, Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme));
        set { }
    }
}
