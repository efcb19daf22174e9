using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Foundation;

public sealed class FrontendHealthTests : IAsyncLifetime
{
    private TcpProxy _postgres = null!;
    private GridCluster _grid = null!;
    private TestFrontend _first = null!;
    private TestFrontend _second = null!;

    public async Task InitializeAsync()
    {
        // Silos and Frontends reach Postgres through a proxy this test can cut, like a Postgres that stops.
        _postgres = new TcpProxy(TestEnvironment.PostgresHost, TestEnvironment.PostgresPort);
        _grid = await GridCluster.StartAsync(silos: 2, database => ThroughProxy(database.ConnectionString));
        var settings = _grid.FrontendSettings(ThroughProxy(_grid.Database.ConnectionString));
        _first = await TestFrontend.StartAsync(settings);
        _second = await TestFrontend.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _grid.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Two_frontends_on_one_cluster_are_both_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await _first.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.Http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Postgres_outage_turns_ready_and_api_to_503_and_recovers_without_restart()
    {
        var user = await TestUser.RegisterAsync(_first.Http);
        Assert.Equal(HttpStatusCode.OK, (await _first.Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations"))).StatusCode);

        _postgres.Cut();

        var ready = await _first.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Contains("postgres", report.GetProperty("checks").GetProperty("postgres").GetProperty("detail").GetString());

        var api = await _first.Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());

        _postgres.Restore();

        await Eventually.StatusAsync(HttpStatusCode.OK, () => _first.Http.GetAsync("/health/ready"));
        await Eventually.StatusAsync(HttpStatusCode.OK, () => _first.Http.SendAsync(user.Request(HttpMethod.Get, "/api/conversations")));
    }

    private string ThroughProxy(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = _postgres.Port }.ConnectionString;
}
