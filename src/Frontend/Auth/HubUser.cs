using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Chat.Frontend.Auth;

/// <summary>
/// A hub connection's user: the <c>sub</c> claim, as REST principals have it, and the session id
/// as a field rather than a second claim (16 bytes, no strings), so a revoked session's sockets can be found.
/// </summary>
public sealed class HubUser(string userId, Guid? sessionId)
    : ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId)], JwtBearerDefaults.AuthenticationScheme))
{
    public Guid? Session { get; } = sessionId;
}
