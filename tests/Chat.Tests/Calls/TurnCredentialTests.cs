using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Frontend.Calls;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Calls;

/// <summary>Checks TURN credentials against the real coturn that scripts/deps-up.sh runs on 127.0.0.1:3478.</summary>
[Collection(CallsCollection.Name)]
public sealed class TurnCredentialTests(GridWithFrontends grid)
{
    private static readonly string Secret = Environment.GetEnvironmentVariable("CHAT_TEST_TURN_SECRET") ?? "dev-turn-secret-change-me";

    [Fact]
    public async Task Ice_servers_carry_a_turn_credential_that_coturn_accepts()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/calls/ice-servers"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3600, body.GetProperty("ttlSeconds").GetInt32());
        var servers = body.GetProperty("iceServers").EnumerateArray().ToList();
        Assert.StartsWith("stun:", servers[0].GetProperty("urls")[0].GetString(), StringComparison.Ordinal);
        Assert.False(servers[0].TryGetProperty("username", out _));
        var turn = servers[1];
        var username = turn.GetProperty("username").GetString()!;
        Assert.EndsWith($":{user.UserId}", username, StringComparison.Ordinal);

        var (exitCode, output) = await AllocateAsync(username, turn.GetProperty("credential").GetString()!);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_turn_credential_is_refused()
    {
        var username = TurnCredentials.Username(DateTimeOffset.UtcNow.AddMinutes(-5), Guid.NewGuid());

        var (exitCode, output) = await AllocateAsync(username, TurnCredentials.Password(Secret, username));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ice_servers_need_a_signed_in_user()
    {
        var response = await grid.First.Http.GetAsync("/api/calls/ice-servers");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Runs coturn's test client for one TCP allocation with the long-term credential.</summary>
    private static async Task<(int ExitCode, string Output)> AllocateAsync(string username, string credential)
    {
        var start = new ProcessStartInfo("turnutils_uclient")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-T", "-n", "1", "-m", "1", "-u", username, "-w", credential, "-y", "127.0.0.1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
