using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Chat.Hosting;

/// <summary>
/// Refuses, in Production, the secrets anyone can read in this repository: the development values
/// of <c>appsettings.Development.json</c> and the <c>change-me</c> placeholders of
/// <c>deploy/.env.example</c>. A process started with one of them would hand its tokens, TURN
/// relay or data to whoever read the file. Checked by setting name, before anything connects.
/// </summary>
public static class PublishedSecrets
{
    private const string Placeholder = "change-me";

    // Published values without the placeholder word; every value containing it is refused too.
    private static readonly string[] KnownValues =
    [
        "development-only-signing-key-change-me-0123456789",
        "change-me-a-long-random-signing-key-of-at-least-32-bytes",
        "dev-turn-secret-change-me",
        "change-me-turn-secret",
        "change-me-postgres-password",
        "change-me-minio-password-at-least-8-chars",
    ];

    public static void RefuseInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        foreach (var (key, value) in SecretSettings(configuration))
        {
            if (IsPublished(value))
            {
                throw new StartupException(
                    $"Configuration error: {key}: is a published default (appsettings.Development.json or deploy/.env.example); set a secret of your own");
            }
        }
    }

    private static IEnumerable<(string Key, string? Value)> SecretSettings(IConfiguration configuration)
    {
        foreach (var key in configuration.GetSection("Jwt:SigningKeys").GetChildren())
        {
            yield return (key.Path, key.Value);
        }

        yield return ("Turn:Secret", configuration["Turn:Secret"]);
        yield return ("Storage:SecretKey", configuration["Storage:SecretKey"]);
        yield return ("Postgres:ConnectionString", PasswordOf(configuration["Postgres:ConnectionString"]));
    }

    /// <summary>The password of a connection string; null when it has none or does not parse (the connection check reports that).</summary>
    private static string? PasswordOf(string? connectionString)
    {
        try
        {
            return string.IsNullOrEmpty(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsPublished(string? value) =>
        !string.IsNullOrEmpty(value)
        && (value.Contains(Placeholder, StringComparison.OrdinalIgnoreCase) || KnownValues.Contains(value.Trim(), StringComparer.Ordinal));
}
