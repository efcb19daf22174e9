using StackExchange.Redis;

namespace Chat.Frontend.Health;

/// <summary>One lazily opened Redis connection for readiness probes; it reconnects by itself after an outage.</summary>
internal sealed class RedisProbe(string connectionString) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public Task<ConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
