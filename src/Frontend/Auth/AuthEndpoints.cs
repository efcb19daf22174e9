using Chat.Accounts;
using Chat.Frontend.Accounts.Email;
using Chat.Frontend.Errors;
using Chat.Frontend.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Frontend.Auth;

/// <summary><c>/api/auth</c>: sign-up, login, refresh with rotation, logout.</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").RequireRateLimiting(AuthRateLimiting.Policy);
        auth.MapPost("/register", RegisterAsync);
        auth.MapPost("/login", LoginAsync);
        auth.MapPost("/refresh", RefreshAsync);
        auth.MapPost("/logout", LogoutAsync);
    }

    private static async Task<IResult> RegisterAsync(
        RegisterRequest? request, IClusterClient cluster, AccessTokenIssuer tokens, AccountMailer mailer, HttpContext http)
    {
        if (request?.Username is null || request.Email is null || request.Password is null)
        {
            return Problems.BadRequest("username, email and password are required");
        }

        var session = await Directory(cluster).RegisterAsync(
            new Registration(request.Username, request.Email, request.Password, request.DisplayName), DeviceName(http));
        await mailer.SendVerificationAsync(session.UserId);
        return TypedResults.Created("/api/users/me", TokenDelivery.Respond(session, tokens, http));
    }

    private static async Task<IResult> LoginAsync(LoginRequest? request, IClusterClient cluster, AccessTokenIssuer tokens, HttpContext http)
    {
        if (string.IsNullOrEmpty(request?.Login) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.BadRequest("login and password are required");
        }

        if (request.TotpCode is { Length: > Limits.MaxTotpInputChars })
        {
            return Problems.BadRequest($"totpCode must be at most {Limits.MaxTotpInputChars} characters");
        }

        var session = await Directory(cluster).LoginAsync(request.Login, request.Password, request.TotpCode, DeviceName(http), ClientAddress.Of(http));
        return TypedResults.Ok(TokenDelivery.Respond(session, tokens, http));
    }

    /// <summary>The refresh token comes in the body, or in the refresh cookie (then the next one goes back in it).</summary>
    private static async Task<IResult> RefreshAsync(RefreshRequest? request, IClusterClient cluster, AccessTokenIssuer tokens, HttpContext http)
    {
        if (TokenDelivery.PresentedRefreshToken(request?.RefreshToken, http.Request, out var fromCookie) is not { } refreshToken)
        {
            return Problems.BadRequest("refreshToken is required");
        }

        return TypedResults.Ok(TokenDelivery.Respond(await Directory(cluster).RefreshAsync(refreshToken), tokens, http, fromCookie));
    }

    private static async Task<IResult> LogoutAsync(RefreshRequest? request, IClusterClient cluster, HttpContext http)
    {
        TokenDelivery.ClearCookie(http.Response);
        if (TokenDelivery.PresentedRefreshToken(request?.RefreshToken, http.Request, out _) is not { } refreshToken)
        {
            return Problems.BadRequest("refreshToken is required");
        }

        await Directory(cluster).LogoutAsync(refreshToken);
        return TypedResults.NoContent();
    }

    private static IAccountDirectoryGrain Directory(IClusterClient cluster) => cluster.Reference<IAccountDirectoryGrain>(0);

    private static string DeviceName(HttpContext http) => http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown device";
}
