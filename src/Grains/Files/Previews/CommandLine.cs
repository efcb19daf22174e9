using System.Diagnostics;

namespace Chat.Files.Previews;

/// <summary>Runs a tool (pdfinfo, pdftoppm) on a file, with a deadline, and answers its standard output.</summary>
internal static class CommandLine
{
    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw cancellationToken.IsCancellationRequested
                ? new OperationCanceledException(cancellationToken)
                : new TimeoutException($"{fileName} ran longer than {timeout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"{fileName} exited with {process.ExitCode}: {Truncate(await error)}");
        }

        return await output;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text.Trim() : text[..500].Trim();
}
