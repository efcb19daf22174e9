using Chat.Hosting;

namespace Chat.Frontend.Security;

public static class SecuritySetup
{
    private const string RetryAfterHeader = "Retry-After";

    /// <summary>No <c>Server</c> header, and CORS for the configured origins only (none by default: no Access-Control-* headers at all).</summary>
    public static void AddChatSecurity(this WebApplicationBuilder builder)
    {
        var cors = builder.Configuration.BindRequired<CorsSettings>(CorsSettings.Section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (cors.Origins.Length > 0)
            {
                // Credentials: the SignalR client negotiates with them by default; our tokens are bearer tokens, not cookies.
                policy.WithOrigins([.. cors.Origins.Select(o => o.TrimEnd('/'))])
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials()
                    .WithExposedHeaders(RetryAfterHeader);
            }
        }));
    }

    /// <summary>First in the pipeline, so every response (errors too) has the headers and preflights end before authentication.</summary>
    public static void UseChatSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();

        // Browsers send an Origin on WebSocket upgrades too, but CORS does not apply to them, and the
        // CORS middleware would keep its async frame for the socket's lifetime.
        app.UseWhen(context => !context.WebSockets.IsWebSocketRequest, http => http.UseCors());
    }
}
