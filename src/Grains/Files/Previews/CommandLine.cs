using System.Diagnostics;

namespace Chat.Files.Previews;

/// <summary>Runs a tool (pdfinfo, pdftoppm, ffmpeg) on a file, with a deadline, and answers or streams its standard output.</summary>
internal static class CommandLine
{
    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = "";
        await StreamAsync(fileName, arguments, async (stdout, token) => output = await new StreamReader(stdout).ReadToEndAsync(token), timeout, cancellationToken);
        return output;
    }

    /// <summary>Runs the tool, handing its standard output to <paramref name="readOutput"/> as it comes; the reader sees every byte before this returns.</summary>
    public static async Task StreamAsync(string fileName, IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> readOutput,
        TimeSpan timeout, CancellationToken cancellationToken)
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
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await readOutput(process.StandardOutput.BaseStream, deadline.Token);
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
    }

    private static string Truncate(string text) => text.Length <= 500 ? text.Trim() : text[..500].Trim();
}
