using System.Diagnostics;
using Chat.Frontend.Hosting;
using Chat.Hosting;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Chat.Tests.Foundation;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task Silo_with_a_wrong_postgres_password_exits_with_one_line_naming_the_setting()
    {
        var wrong = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Password = "not-the-password" }.ConnectionString;

        var (exitCode, stderr) = await RunSiloAsync($"--Postgres:ConnectionString={wrong}", $"--Redis:ConnectionString={TestEnvironment.Redis}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Postgres:ConnectionString", line);
        Assert.Contains("password authentication failed", line);
    }

    [Fact]
    public async Task Silo_with_a_missing_setting_exits_with_one_line_naming_it()
    {
        var (exitCode, stderr) = await RunSiloAsync($"--Postgres:ConnectionString={TestEnvironment.PostgresAdmin}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Redis:ConnectionString: is missing", line);
    }

    [Fact]
    public async Task Frontend_without_a_signing_key_refuses_to_start_naming_it()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = TestEnvironment.PostgresAdmin,
            ["Redis:ConnectionString"] = TestEnvironment.Redis,
            ["Jwt:SigningKeys:0"] = "too-short",
        };

        var error = await Assert.ThrowsAsync<StartupException>(() =>
            FrontendApp.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(settings)));

        Assert.Contains("Jwt:SigningKeys", error.Message);
    }

    private static async Task<(int ExitCode, string Stderr)> RunSiloAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.SiloDll) };
        start.ArgumentList.Add(RepositoryPaths.SiloDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
