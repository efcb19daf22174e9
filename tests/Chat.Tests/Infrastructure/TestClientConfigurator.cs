using Chat.Hosting;
using Chat.Realtime;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Chat.Tests.Infrastructure;

/// <summary>The test cluster's own client joins through Redis, like a Frontend.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var grid = GridSettings.Read(configuration);
        clientBuilder.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = grid.Cluster.ClusterId;
            options.ServiceId = grid.Cluster.ServiceId;
        });
        clientBuilder.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(grid.Redis.ConnectionString));
        clientBuilder.AddMemoryStreams(RealtimeStreams.ProviderName);
        clientBuilder.Services.AllowStorageExceptionsOnTheWire();
    }
}
