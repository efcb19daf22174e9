using System.Security.Claims;
using Chat.Accounts;
using Chat.Frontend.Accounts.Email;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Auth;

/// <summary><c>/api/auth/password</c> and <c>/api/auth/email</c>: password reset and email verification by emailed token.</summary>
public static class AccountRecoveryEndpoints
{
    public static void MapAccountRecoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").RequireRateLimiting(AuthRateLimiting.Policy);
        auth.MapPost("/password/forgot", ForgotPasswordAsync);
        auth.MapPost("/password/reset", ResetPasswordAsync);
        auth.MapPost("/email/verify", VerifyEmailAsync);
        auth.MapPost("/email/resend", ResendVerificationAsync).RequireAuthorization();
    }

    /// <summary>Always 202 for a well-formed request, so the answer never tells whether an account has that address.</summary>
    private static async Task<IResult> ForgotPasswordAsync(ForgotPasswordRequest? request, AccountMailer mailer)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || request.Email.Length > Limits.MaxEmailChars)
        {
            return Problems.BadRequest($"email is required (at most {Limits.MaxEmailChars} characters)");
        }

        await mailer.SendPasswordResetAsync(request.Email);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ResetPasswordAsync(ResetPasswordRequest? request, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request?.Token) || request.NewPassword is null)
        {
            return Problems.BadRequest("token and newPassword are required");
        }

        AccountRules.ValidatePassword(request.NewPassword);
        await cluster.Reference<IAccountRecoveryGrain>(0).ResetPasswordAsync(request.Token, request.NewPassword);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> VerifyEmailAsync(VerifyEmailRequest? request, IClusterClient cluster)
    {
        if (string.IsNullOrEmpty(request?.Token))
        {
            return Problems.BadRequest("token is required");
        }

        await cluster.Reference<IAccountRecoveryGrain>(0).VerifyEmailAsync(request.Token);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ResendVerificationAsync(ClaimsPrincipal user, AccountMailer mailer)
    {
        await mailer.SendVerificationAsync(user.UserId());
        return TypedResults.Accepted((string?)null);
    }
}
