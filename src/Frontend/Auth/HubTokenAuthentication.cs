using Chat.Errors;
using Chat.Frontend.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Frontend.Auth;

/// <summary>
/// Authenticates the hub's requests (negotiate and the socket itself) in place of the
/// authentication and authorization middleware, with the same token rules
/// (<see cref="AccessTokenIssuer.ValidationParameters"/>). A socket's request lasts as long as the
/// connection, and those two middleware keep ≈ 2.5 KB per connection alive for it: their async
/// frames, the request's service scope with the JWT handler and authorization services, the
/// authentication ticket and its properties (dotnet-gcdump, 10,000 connections). This one keeps
/// a principal with the user id and session (<see cref="HubUser"/>), and no frame when the token
/// validates synchronously, as an HMAC-signed one does. The token's expiry goes to SignalR, which
/// closes the socket then (<c>CloseOnAuthenticationExpiration</c>); a revoked session is refused.
/// </summary>
internal sealed class HubTokenAuthentication(RequestDelegate next, AccessTokenIssuer issuer, RevokedSessions revoked)
{
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _rules = issuer.ValidationParameters();

    public Task InvokeAsync(HttpContext context)
    {
        if (BearerToken(context.Request) is not { } token)
        {
            return RefuseAsync(context, "an access token is required");
        }

        var validation = _tokens.ValidateTokenAsync(token, _rules);
        return validation.IsCompletedSuccessfully
            ? ContinueAsync(context, validation.Result)
            : ContinueWhenValidatedAsync(context, validation);
    }

    private async Task ContinueWhenValidatedAsync(HttpContext context, Task<TokenValidationResult> validation) =>
        await ContinueAsync(context, await validation);

    private Task ContinueAsync(HttpContext context, TokenValidationResult validation)
    {
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken { Subject: { Length: > 0 } userId } token)
        {
            return RefuseAsync(context, "the access token is invalid or expired");
        }

        var sessionId = token.TryGetPayloadValue<string>(AccessTokenIssuer.SessionClaim, out var sid) && Guid.TryParse(sid, out var id) ? id : (Guid?)null;
        if (revoked.IsRevoked(sessionId))
        {
            return RefuseAsync(context, "the session has ended");
        }

        context.User = new HubUser(userId, sessionId);
        context.Features.Set<IAuthenticateResultFeature>(new TokenExpiryFeature(context, new DateTimeOffset(token.ValidTo, TimeSpan.Zero)));
        return next(context);
    }

    /// <summary>The header, or for browsers' WebSockets (which cannot set headers) the <c>access_token</c> query parameter.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfBlank(header["Bearer ".Length..].Trim());
        }

        return NullIfBlank(request.Query["access_token"].ToString());
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Task RefuseAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
        return Problems.Result(ErrorCodes.Unauthorized, detail).ExecuteAsync(context);
    }
}
