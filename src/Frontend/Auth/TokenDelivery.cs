using Chat.Accounts;

namespace Chat.Frontend.Auth;

/// <summary>
/// Where a refresh token travels. JSON clients (tools, apps) get and present it in the body, as
/// the core contract says. A browser that sends <see cref="CookieHeader"/> gets it only as an
/// <c>HttpOnly; Secure; SameSite=Strict</c> cookie, set once for the refresh path and once for the
/// logout path (no other request carries it), and the body's <c>refreshToken</c> is null: no
/// script on the page can read it, so an injected one cannot carry the session away.
/// </summary>
public static class TokenDelivery
{
    public const string CookieName = "chat_refresh";
    public const string CookieHeader = "X-Refresh-Cookie";
    private static readonly string[] CookiePaths = ["/api/auth/refresh", "/api/auth/logout"];

    /// <summary>The token response for a new or refreshed session; in cookie mode the refresh token goes into the cookie instead.</summary>
    public static TokenResponse Respond(IssuedSession session, AccessTokenIssuer tokens, HttpContext http, bool cookie = false)
    {
        var accessToken = tokens.Issue(session.UserId, session.SessionId);
        var expiresIn = (int)tokens.Lifetime.TotalSeconds;
        if (!cookie && !http.Request.Headers.ContainsKey(CookieHeader))
        {
            return new TokenResponse(session.UserId, accessToken, session.RefreshToken, expiresIn);
        }

        var expires = DateTimeOffset.UtcNow + Limits.RefreshTokenLifetime;
        foreach (var path in CookiePaths)
        {
            http.Response.Cookies.Append(CookieName, session.RefreshToken, Options(path, expires));
        }

        return new TokenResponse(session.UserId, accessToken, null, expiresIn);
    }

    /// <summary>The refresh token of a refresh or logout: the body's, else the cookie's (then <paramref name="fromCookie"/>).</summary>
    public static string? PresentedRefreshToken(string? fromBody, HttpRequest request, out bool fromCookie)
    {
        fromCookie = false;
        if (!string.IsNullOrEmpty(fromBody))
        {
            return fromBody;
        }

        fromCookie = request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie);
        return fromCookie ? cookie : null;
    }

    public static void ClearCookie(HttpResponse response)
    {
        foreach (var path in CookiePaths)
        {
            response.Cookies.Delete(CookieName, Options(path, expires: null));
        }
    }

    private static CookieOptions Options(string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
