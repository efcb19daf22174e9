using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Chat.Tests.Accounts;

/// <summary>
/// Just enough of an SMTP server (RFC 5321 without TLS, AUTH PLAIN) on a loopback port to receive
/// what the Frontend's MailKit adapter sends, as raw RFC 5322 messages.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();

    public FakeSmtpServer()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The username and password of the last AUTH PLAIN, as "user:password".</summary>
    public string? LastCredentials { get; private set; }

    public ChannelReader<string> Messages => _messages.Reader;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.test ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var parts = line.Split(' ', 3);
            switch (parts[0].ToUpperInvariant())
            {
                case "EHLO":
                    await writer.WriteAsync("250-fake.test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
                    break;
                case "AUTH":
                    var response = parts.Length > 2 ? parts[2] : await PromptAsync(writer, reader);
                    var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                    LastCredentials = $"{fields[1]}:{fields[2]}";
                    await writer.WriteLineAsync("235 2.7.0 authenticated");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    await _messages.Writer.WriteAsync(await ReadDataAsync(reader));
                    await writer.WriteLineAsync("250 2.0.0 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 2.0.0 ok");
                    break;
            }
        }
    }

    private async Task<string> PromptAsync(StreamWriter writer, StreamReader reader)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(_stop.Token) ?? "";
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
