using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/chat";

    private const long MaxHubMessageBytes = 128 * 1024;

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
        builder.Services.AddSingleton<HubLifetimeManager<ChatHub>, ChatHubLifetimeManager>();
        builder.Services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = MaxHubMessageBytes;
            options.AddFilter<HubErrorFilter>();
        });
    }

    public static void MapChatHub(this IEndpointRouteBuilder app) => app.MapHub<ChatHub>(HubPath);
}
