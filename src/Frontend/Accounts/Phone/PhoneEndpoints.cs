using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Accounts.Phone;

/// <summary><c>/api/users/me/phone</c> and <c>/api/auth/phone</c>: a verified phone per account and sign-in by texted codes.</summary>
public static class PhoneEndpoints
{
    public static void MapPhoneEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/users/me/phone").RequireAuthorization().RequireRateLimiting(AuthRateLimiting.Policy);
        me.MapPut("", SetPhoneAsync);
        me.MapPost("/verify", VerifyPhoneAsync);
        var auth = app.MapGroup("/api/auth/phone").RequireRateLimiting(AuthRateLimiting.Policy);
        auth.MapPost("/start", StartLoginAsync);
        auth.MapPost("/login", LoginAsync);
    }

    /// <summary>202 for a free number and for another account's alike; the latter's code is never texted, so it never verifies.</summary>
    private static async Task<IResult> SetPhoneAsync(PhoneRequest? request, ClaimsPrincipal user, IClusterClient cluster, PhoneTexter texter)
    {
        var phone = PhoneRules.Normalize(request?.Phone);
        texter.Queue(await PhoneSignIn(cluster).RequestVerificationAsync(user.UserId(), phone), PhoneTexter.VerifyKind);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> VerifyPhoneAsync(PhoneCodeRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var code = PhoneRules.RequireCodeShape(request?.Code);
        await PhoneSignIn(cluster).VerifyAsync(user.UserId(), code);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202 for a well-formed number, so the answer never tells whether an account has it.</summary>
    private static async Task<IResult> StartLoginAsync(PhoneRequest? request, IClusterClient cluster, PhoneTexter texter)
    {
        var phone = PhoneRules.Normalize(request?.Phone);
        texter.Queue(await PhoneSignIn(cluster).IssueLoginCodeAsync(phone), PhoneTexter.LoginKind);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> LoginAsync(PhoneLoginRequest? request, IClusterClient cluster, AccessTokenIssuer tokens, HttpContext http)
    {
        var phone = PhoneRules.Normalize(request?.Phone);
        var code = PhoneRules.RequireCodeShape(request?.Code);
        if (request?.TotpCode is { Length: > Limits.MaxTotpInputChars })
        {
            return Problems.BadRequest($"totpCode must be at most {Limits.MaxTotpInputChars} characters");
        }

        var device = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown device";
        var session = await PhoneSignIn(cluster).LoginAsync(phone, code, request?.TotpCode, device);
        return TypedResults.Ok(TokenDelivery.Respond(session, tokens, http));
    }

    private static IPhoneSignInGrain PhoneSignIn(IClusterClient cluster) => cluster.Reference<IPhoneSignInGrain>(0);
}
