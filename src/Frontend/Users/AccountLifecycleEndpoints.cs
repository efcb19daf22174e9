using System.Security.Claims;
using Chat.Accounts;
using Chat.Errors;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Users;

/// <summary><c>/api/users/me</c>: deleting one's account and exporting one's personal data.</summary>
public static class AccountLifecycleEndpoints
{
    public static void MapAccountLifecycleEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/users/me").RequireAuthorization();
        me.MapDelete("", DeleteAccountAsync).RequireRateLimiting(AuthRateLimiting.Policy);
        me.MapPost("/export", StartExportAsync);
        me.MapGet("/export/{exportId}", GetExportAsync);
    }

    /// <summary>The body is read here rather than bound, so a DELETE without one still reaches this endpoint and answers 400.</summary>
    private static async Task<IResult> DeleteAccountAsync(HttpRequest http, ClaimsPrincipal user, IClusterClient cluster)
    {
        var request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<DeleteAccountRequest>(http.HttpContext.RequestAborted) : null;
        if (string.IsNullOrEmpty(request?.Password) || request.Password.Length > Limits.MaxPasswordChars)
        {
            return Problems.BadRequest($"password is required (at most {Limits.MaxPasswordChars} characters)");
        }

        if (request.TotpCode is { Length: > Limits.MaxTotpInputChars })
        {
            return Problems.BadRequest($"totpCode must be at most {Limits.MaxTotpInputChars} characters");
        }

        await cluster.Reference<IUserGrain>(user.UserId()).DeleteAccountAsync(request.Password, request.TotpCode);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> StartExportAsync(ClaimsPrincipal user, IClusterClient cluster)
    {
        var exportId = Guid.NewGuid();
        await cluster.Reference<IDataExportGrain>(exportId).StartAsync(user.UserId());
        return TypedResults.Accepted($"/api/users/me/export/{exportId}", new ExportStartedResponse(exportId));
    }

    private static async Task<IResult> GetExportAsync(string exportId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Guid.TryParse(exportId, out var id))
        {
            return Problems.BadRequest("exportId must be a UUID");
        }

        var export = await cluster.Reference<IDataExportGrain>(id).GetAsync(user.UserId());
        return export.Status switch
        {
            DataExportStatus.Ready => TypedResults.File(export.Content, "application/zip", $"chatgrid-export-{id}.zip"),
            DataExportStatus.Pending => TypedResults.Accepted((string?)null, new ExportStartedResponse(id)),
            _ => throw ChatException.NotFound("no such export"),
        };
    }
}
