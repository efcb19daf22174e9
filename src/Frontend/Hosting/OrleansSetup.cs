using Chat.Frontend.Realtime;
using Chat.Hosting;
using Chat.Realtime;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Chat.Frontend.Hosting;

/// <summary>Joins the Orleans cluster as a client, or co-hosts a silo for single-process installs.</summary>
public static class OrleansSetup
{
    public static void AddChatOrleans(this WebApplicationBuilder builder, GridSettings grid, FrontendSettings frontend)
    {
        if (frontend.CoHostSilo)
        {
            builder.UseOrleans(silo => silo.AddChatGrid(grid).ConfigureChatEndpoints(grid.Cluster));
            return;
        }

        builder.Services.AddChatStorage(grid.Postgres.ConnectionString);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = grid.Cluster.ClusterId;
                options.ServiceId = grid.Cluster.ServiceId;
            });
            client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(grid.Redis.ConnectionString));
            client.AddMemoryStreams(RealtimeStreams.ProviderName);
            client.Services.AllowStorageExceptionsOnTheWire();
            client.Services.AddSingleton<IClientConnectionRetryFilter, WaitForClusterRetryFilter>();
            client.AddClusterConnectionStatusObserver<ClusterReconnectObserver>();
        });
    }
}
