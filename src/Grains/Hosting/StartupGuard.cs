namespace Chat.Hosting;

/// <summary>Runs a host and turns a start-up failure into one line on stderr and exit code 1.</summary>
public static class StartupGuard
{
    public static async Task<int> RunAsync(string processName, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync($"{processName} failed to start: {ex.Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"{processName} failed to start: Configuration error: {ex.Failures.FirstOrDefault() ?? ex.Message}");
            return 1;
        }
    }
}
