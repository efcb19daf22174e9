using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Auth;

/// <summary><c>/api/auth/2fa</c>: set up, confirm and disable TOTP two-factor authentication for the caller.</summary>
public static class TwoFactorEndpoints
{
    public static void MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        var twoFactor = app.MapGroup("/api/auth/2fa").RequireAuthorization().RequireRateLimiting(AuthRateLimiting.Policy);
        twoFactor.MapGet("", StatusAsync);
        twoFactor.MapPost("/setup", SetupAsync);
        twoFactor.MapPost("/confirm", ConfirmAsync);
        twoFactor.MapPost("/disable", DisableAsync);
    }

    private static async Task<IResult> StatusAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(new { enabled = await TwoFactor(cluster, user).IsEnabledAsync() });

    private static async Task<IResult> SetupAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await TwoFactor(cluster, user).BeginSetupAsync());

    private static async Task<IResult> ConfirmAsync(ConfirmTwoFactorRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request?.Code) || request.Code.Length > Limits.MaxTotpInputChars)
        {
            return Problems.BadRequest($"code is required ({Limits.TotpDigits} digits)");
        }

        var codes = await TwoFactor(cluster, user).ConfirmAsync(request.Code);
        return TypedResults.Ok(new RecoveryCodesResponse(codes.Codes));
    }

    private static async Task<IResult> DisableAsync(DisableTwoFactorRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request?.Password) || string.IsNullOrEmpty(request.Code))
        {
            return Problems.BadRequest("password and code are required");
        }

        if (request.Password.Length > Limits.MaxPasswordChars || request.Code.Length > Limits.MaxTotpInputChars)
        {
            return Problems.BadRequest("password or code is too long");
        }

        await TwoFactor(cluster, user).DisableAsync(request.Password, request.Code);
        return TypedResults.NoContent();
    }

    private static ITwoFactorGrain TwoFactor(IClusterClient cluster, ClaimsPrincipal user) => cluster.Reference<ITwoFactorGrain>(user.UserId());
}
