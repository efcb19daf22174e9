using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A bare WebSocket speaking the SignalR JSON protocol by hand, for frames the .NET SignalR client
/// cannot produce (non-JSON numbers, any nesting, bytes that are not JSON at all).
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    public const byte RecordSeparator = 0x1e;
    private const int CompletionType = 3;
    private const int CloseType = 7;

    private readonly ClientWebSocket _socket;
    private readonly List<byte> _received = [];
    private int _nextInvocationId;

    private RawHubSocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<RawHubSocket> ConnectAsync(Uri frontend, TestUser user)
    {
        var address = new UriBuilder(frontend) { Scheme = "ws", Path = "/hubs/chat", Query = $"access_token={Uri.EscapeDataString(user.AccessToken)}" };
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(address.Uri, timeout.Token);
        var hub = new RawHubSocket(socket);
        await hub.SendFrameAsync("""{"protocol":"json","version":1}""");
        var handshake = await hub.NextFrameAsync();
        Assert.False(handshake.TryGetProperty("error", out var error), $"handshake refused: {error}");
        return hub;
    }

    /// <summary>Sends one frame: the text and the record separator.</summary>
    public Task SendFrameAsync(string json) => SendBytesAsync([.. Encoding.UTF8.GetBytes(json), RecordSeparator]);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType messageType = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(bytes, messageType, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends an invocation of <paramref name="target"/> with the arguments as raw JSON text and returns its completion.</summary>
    public async Task<JsonElement> InvokeAsync(string target, string argumentsJson)
    {
        var invocationId = (++_nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendFrameAsync($$"""{"type":1,"invocationId":"{{invocationId}}","target":"{{target}}","arguments":{{argumentsJson}}}""");
        return await CompletionOfAsync(invocationId);
    }

    /// <summary>Waits for the completion of one invocation, skipping pings and events.</summary>
    public async Task<JsonElement> CompletionOfAsync(string invocationId)
    {
        while (true)
        {
            var frame = await NextFrameAsync();
            var type = frame.GetProperty("type").GetInt32();
            Assert.NotEqual(CloseType, type);
            if (type == CompletionType && frame.GetProperty("invocationId").GetString() == invocationId)
            {
                return frame;
            }
        }
    }

    /// <summary>Waits for the server's close message (skipping everything before it) and returns its error text.</summary>
    public async Task<string?> CloseReasonAsync()
    {
        while (true)
        {
            var frame = await NextFrameAsync();
            if (frame.GetProperty("type").GetInt32() == CloseType)
            {
                return frame.TryGetProperty("error", out var error) ? error.GetString() : null;
            }
        }
    }

    /// <summary>The next whole frame the server sent, within 10 s.</summary>
    public async Task<JsonElement> NextFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        int end;
        while ((end = _received.IndexOf(RecordSeparator)) < 0)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the server closed the socket ({result.CloseStatus}) without a close message");
            }

            _received.AddRange(buffer.AsSpan(0, result.Count));
        }

        var text = Encoding.UTF8.GetString([.. _received.Take(end)]);
        _received.RemoveRange(0, end + 1);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads until the socket closes and returns its WebSocket close status.</summary>
    public async Task<WebSocketCloseStatus?> SocketCloseStatusAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
