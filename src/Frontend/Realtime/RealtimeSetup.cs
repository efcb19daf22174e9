using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Chat.Frontend.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/chat";

    /// <summary>The category of SignalR's <c>DefaultHubDispatcher&lt;THub&gt;</c> logger.</summary>
    public const string HubDispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    // GuardedJsonHubProtocol enforces Limits.MaxHubFrameBytes with a reason the client sees; SignalR's
    // own limit (a close without one) stays as a backstop just above it.
    private const long MaxHubMessageBytes = Limits.MaxHubFrameBytes + (64 * 1024);

    public static void AddChatRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FrontendIdentity>();
        builder.Services.AddSingleton<LocalAudience>();
        builder.Services.AddSingleton<LocalWatchers>();
        builder.Services.AddSingleton<GrainLeases>();
        builder.Services.AddSingleton<RealtimeRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RealtimeRelay>());
        builder.Services.AddSingleton<LeaseRenewalService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaseRenewalService>());
        builder.Services.AddHostedService<RevokedSessionsFeed>();
        builder.Services.AddSingleton<HubLifetimeManager<ChatHub>, ChatHubLifetimeManager>();
        builder.Services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
            options.AddFilter<HubErrorFilter>();
        });
        // SignalR logs every exception a hub method throws at error with its stack, a refused call's
        // HubException too (thousands of lines from one misbehaving client). HubErrorFilter sees every
        // one of them first and logs faults at error itself, so the dispatcher's copy is not needed.
        builder.Logging.AddFilter(HubDispatcherLogCategory, LogLevel.Critical);
        var defaultJson = builder.Services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)).ToList();
        defaultJson.ForEach(d => builder.Services.Remove(d));
        builder.Services.AddSingleton<IHubProtocol, GuardedJsonHubProtocol>();
    }

    /// <summary>A socket closes when its access token expires (the client reconnects with a fresh one); see HubTokenAuthentication.</summary>
    public static void MapChatHub(this IEndpointRouteBuilder app) =>
        app.MapHub<ChatHub>(HubPath, options => options.CloseOnAuthenticationExpiration = true);
}
