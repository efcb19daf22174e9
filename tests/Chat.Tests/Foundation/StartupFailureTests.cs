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

    [Theory]
    [InlineData("Jwt:SigningKeys:0", "development-only-signing-key-change-me-0123456789")]
    [InlineData("Jwt:SigningKeys:0", "change-me-a-long-random-signing-key-of-at-least-32-bytes")]
    [InlineData("Jwt:SigningKeys:1", "development-only-signing-key-change-me-0123456789")]
    [InlineData("Turn:Secret", "change-me-turn-secret")]
    [InlineData("Turn:Secret", "dev-turn-secret-change-me")]
    [InlineData("Storage:SecretKey", "change-me-minio-password-at-least-8-chars")]
    [InlineData("Postgres:ConnectionString", "Host=127.0.0.1;Username=chat;Password=change-me-postgres-password;Database=chat")]
    public async Task Production_frontend_refuses_a_published_default_naming_the_setting(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = TestEnvironment.PostgresAdmin,
            ["Redis:ConnectionString"] = TestEnvironment.Redis,
            ["Jwt:SigningKeys:0"] = TestEnvironment.JwtKey,
            ["Email:LinkBaseUrl"] = "https://chat.example.com",
            [key] = value,
        };

        var error = await Assert.ThrowsAsync<StartupException>(() => FrontendApp.BuildAsync([], builder =>
        {
            builder.Environment.EnvironmentName = "Production";
            builder.Configuration.AddInMemoryCollection(settings);
        }));

        Assert.Equal($"Configuration error: {key}: is a published default (appsettings.Development.json or deploy/.env.example); set a secret of your own", error.Message);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_silo_refuses_the_development_signing_key_with_one_line_naming_it()
    {
        var (exitCode, stderr) = await RunSiloAsync(
            $"--Postgres:ConnectionString={TestEnvironment.PostgresAdmin}", $"--Redis:ConnectionString={TestEnvironment.Redis}",
            "--Jwt:SigningKeys:0=development-only-signing-key-change-me-0123456789");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Jwt:SigningKeys:0: is a published default", line);
        Assert.DoesNotContain("development-only", line);
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
