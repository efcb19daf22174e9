using System.Net;
using System.Net.Sockets;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Foundation;

public sealed class SingleProcessModeTests
{
    [Fact]
    public async Task A_frontend_that_cohosts_its_silo_migrates_the_schema_and_serves_the_api_alone()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var clusterId = $"single-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>(TestEnvironment.StorageSettings)
        {
            ["Postgres:ConnectionString"] = database.ConnectionString,
            ["Redis:ConnectionString"] = TestEnvironment.Redis,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
            ["Jwt:SigningKeys:0"] = TestEnvironment.JwtKey,
            ["Frontend:CoHostSilo"] = "true",
            ["Email:LinkBaseUrl"] = GridCluster.EmailLinkBase,
        };

        await using var frontend = await TestFrontend.StartAsync(settings);
        var user = await TestUser.RegisterAsync(frontend.Http);
        var me = await frontend.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me"));

        Assert.Equal(HttpStatusCode.OK, (await frontend.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
