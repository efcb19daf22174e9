using System.Security.Claims;
using Chat.Errors;

namespace Chat.Frontend.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id, from the token's <c>sub</c>.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : throw ChatException.Unauthorized("no user in token");

    /// <summary>The session (refresh-token family) the access token was issued for, from its <c>sid</c>; null for tokens without one.</summary>
    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        principal is HubUser hub ? hub.Session
        : Guid.TryParse(principal.FindFirstValue(AccessTokenIssuer.SessionClaim), out var id) ? id : null;
}
