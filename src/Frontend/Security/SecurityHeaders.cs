using Chat.Files.Storage;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Chat.Frontend.Security;

/// <summary>
/// The response headers every route gets: a Content-Security-Policy the web client runs under,
/// nosniff, no referrer, and <c>Cache-Control: no-store</c> unless the response set its own (the
/// static files do: hashed assets for a year, the rest revalidated).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, StorageSettings storage)
{
    /// <summary>
    /// Everything from the Frontend's own origin only ('self' covers its ws:/wss: too); images and
    /// media also from data: and blob: URLs the client makes, and from the object store's public
    /// origin, where presigned URLs point: the client uploads there (connect-src) and shows pictures,
    /// video and audio from there. React's style prop goes through the CSSOM, so no 'unsafe-inline'
    /// is needed for styles.
    /// </summary>
    public static string ContentSecurityPolicyFor(string storageOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: {storageOrigin}; " +
        $"media-src 'self' blob: {storageOrigin}; connect-src 'self' {storageOrigin}; font-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private readonly string _contentSecurityPolicy = ContentSecurityPolicyFor(storage.PublicOrigin);

    private const string HashedAssetsCache = "public, max-age=31536000, immutable";
    private const string RevalidateCache = "no-cache";

    /// <summary>For the static files and the index.html fallback: Vite's content-hashed /assets are immutable, everything else revalidates.</summary>
    public static StaticFileOptions StaticFiles { get; } = new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
            context.Context.Request.Path.StartsWithSegments("/assets") ? HashedAssetsCache : RevalidateCache,
    };

    public Task InvokeAsync(HttpContext context)
    {
        // A socket's upgrade response is no page, and its request lives for hours: keep nothing on it.
        if (!context.WebSockets.IsWebSocketRequest)
        {
            // At the start of the response, so an exception handler's cleared headers are set again too.
            context.Response.OnStarting(state => AddHeaders((HttpResponse)state, _contentSecurityPolicy), context.Response);
        }

        return next(context);
    }

    private static Task AddHeaders(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // No page of ours needs to tell another site where a click came from (conversation ids are in our URLs).
        headers["Referrer-Policy"] = "no-referrer";
        if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
