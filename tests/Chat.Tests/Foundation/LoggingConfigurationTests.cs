using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.Foundation;

public sealed class LoggingConfigurationTests
{
    [Theory]
    [InlineData("Silo")]
    [InlineData("Frontend")]
    public void Pollys_per_placement_attempts_are_quiet_while_its_warnings_and_our_information_still_show(string project)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", project, "appsettings.json"))
            .Build();
        var captured = new CapturedLogs();
        using (var factory = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(captured)))
        {
            // What Orleans' placement pipeline logs for every activation, and what it logs for a retry.
            factory.CreateLogger("Polly").LogInformation("Execution attempt. Source: 'Orleans.Placement/(null)/Retry'");
            factory.CreateLogger("Polly").LogWarning("Execution attempt. Handled: 'True'");
            factory.CreateLogger("Chat.Conversations.ConversationGrain").LogInformation("ours");
        }

        Assert.Collection(captured.Lines,
            line => Assert.StartsWith("Warning Polly: Execution attempt. Handled", line, StringComparison.Ordinal),
            line => Assert.StartsWith("Information Chat.Conversations.ConversationGrain: ours", line, StringComparison.Ordinal));
    }
}
