using Chat.Hosting;
using Orleans.TestingHost;

namespace Chat.Tests.Infrastructure;

/// <summary>Configures each test silo exactly as production does, from the cluster's properties.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddChatGrid(GridSettings.Read(siloBuilder.Configuration));
        siloBuilder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(CapturedLogs.Shared));
    }
}
