using System.Security.Claims;
using Chat.Errors;
using Chat.Files;
using Chat.Files.Storage;
using Chat.Frontend.Auth;
using Chat.Frontend.Errors;

namespace Chat.Frontend.Files;

/// <summary>
/// <c>/api/files</c>: start, resume, complete and cancel uploads, and download through presigned URLs.
/// The Frontend only signs and asks the file's grain; the bytes go between the client and storage.
/// </summary>
public static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/files").RequireAuthorization();
        files.MapPost("/", CreateAsync);
        files.MapGet("/{fileId:guid}/upload", GetUploadAsync);
        files.MapPut("/{fileId:guid}/parts/{partNumber:int}", RecordPartAsync);
        files.MapPost("/{fileId:guid}/complete", CompleteAsync);
        files.MapDelete("/{fileId:guid}", DeleteAsync);
        files.MapGet("/{fileId:guid}/info", GetInfoAsync);
        files.MapGet("/{fileId:guid}", (Guid fileId, HttpContext http, IClusterClient cluster, IObjectStore store, FileSettings settings) =>
            DownloadAsync(fileId, FileVariants.Original, http, cluster, store, settings));
        files.MapGet("/{fileId:guid}/web", (Guid fileId, HttpContext http, IClusterClient cluster, IObjectStore store, FileSettings settings) =>
            DownloadAsync(fileId, FileVariants.Web, http, cluster, store, settings));
        files.MapGet("/{fileId:guid}/thumbnail/{size}", (Guid fileId, string size, HttpContext http, IClusterClient cluster, IObjectStore store, FileSettings settings) =>
            FileVariants.Thumbnails.Contains(size)
                ? DownloadAsync(fileId, size, http, cluster, store, settings)
                : Task.FromResult(Problems.Result(ErrorCodes.NotFound, "thumbnail sizes are 320, 1280, 96, 512 and poster")));
        app.MapGet("/api/users/me/storage", GetStorageAsync).RequireAuthorization();
    }

    private static async Task<IResult> CreateAsync(CreateFileRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (request?.Name is null || request.Size is null || request.ContentType is null || request.Purpose is null)
        {
            return Problems.BadRequest("name, size, contentType and purpose are required");
        }

        var fileId = Guid.NewGuid();
        var creation = await cluster.Reference<IFileGrain>(fileId)
            .CreateAsync(user.UserId(), new NewFile(request.Name, request.Size.Value, request.ContentType, request.Purpose));
        if (creation.QuotaRefusal is { } use)
        {
            return TooLarge(request.Size.Value, use, creation.RefusalDetail ?? "the file is too large");
        }

        return TypedResults.Created($"/api/files/{fileId}", new { fileId, upload = creation.Upload });
    }

    /// <summary>413 <c>too_large</c> (over the per-file limit or the quota) with the numbers a client shows.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long size, StorageUse use, string detail)
    {
        var problem = Problems.Create(ErrorCodes.TooLarge, StatusCodes.Status413PayloadTooLarge, detail);
        problem.Extensions["size"] = size;
        problem.Extensions["usedBytes"] = use.UsedBytes;
        problem.Extensions["reservedBytes"] = use.ReservedBytes;
        problem.Extensions["quotaBytes"] = use.QuotaBytes;
        return TypedResults.Problem(problem);
    }

    private static async Task<IResult> GetUploadAsync(Guid fileId, ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<IFileGrain>(fileId).GetUploadAsync(user.UserId()));

    private static async Task<IResult> RecordPartAsync(Guid fileId, int partNumber, RecordPartRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        await cluster.Reference<IFileGrain>(fileId).RecordPartAsync(user.UserId(), partNumber, request?.Etag ?? "");
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CompleteAsync(Guid fileId, CompleteFileRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var parts = request?.Parts?.Select(part => new RecordedPart(part.PartNumber, part.Etag ?? "", 0)).ToList();
        return TypedResults.Ok(FileBody.From(await cluster.Reference<IFileGrain>(fileId).CompleteAsync(user.UserId(), parts)));
    }

    private static async Task<IResult> DeleteAsync(Guid fileId, ClaimsPrincipal user, IClusterClient cluster)
    {
        await cluster.Reference<IFileGrain>(fileId).DeleteAsync(user.UserId());
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetInfoAsync(Guid fileId, ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(FileBody.From(await cluster.Reference<IFileGrain>(fileId).DescribeAsync(user.UserId())));

    private static async Task<IResult> GetStorageAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.Reference<IStorageUseGrain>(user.UserId()).GetAsync());

    /// <summary>
    /// A redirect to a presigned GET (or, asked for JSON, the URL itself). Storage answers with the
    /// type and disposition signed into the URL, so what the browser gets is decided here, not by the uploader.
    /// </summary>
    private static async Task<IResult> DownloadAsync(Guid fileId, string variant, HttpContext http, IClusterClient cluster, IObjectStore store, FileSettings settings)
    {
        var asAttachment = http.Request.Query["download"] == "1";
        var download = await cluster.Reference<IFileGrain>(fileId).GetDownloadAsync(http.User.UserId(), variant, asAttachment);
        var url = await store.PresignGetAsync(download.Key, download.ContentType, download.AttachmentName, settings.DownloadUrlLifetime, http.RequestAborted);
        var expiresAt = DateTimeOffset.UtcNow.Add(settings.DownloadUrlLifetime);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return WantsJson(http.Request)
            ? TypedResults.Ok(new { url, expiresAt })
            : TypedResults.Redirect(url.AbsoluteUri);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
