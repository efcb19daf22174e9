using System.Threading.Channels;
using Chat.Conversations;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Infrastructure;

/// <summary>A real SignalR client on one Frontend, recording the events it receives so tests can await them.</summary>
public sealed class ChatConnection : IAsyncDisposable
{
    private readonly Channel<ChatMessage> _messages = Channel.CreateUnbounded<ChatMessage>();

    private ChatConnection(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public static async Task<ChatConnection> ConnectAsync(Uri frontend, TestUser user)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(frontend, "/hubs/chat"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
            })
            .Build();
        var connection = new ChatConnection(hub);
        hub.On<ChatMessage>("MessageReceived", message => connection._messages.Writer.TryWrite(message));
        await hub.StartAsync();
        return connection;
    }

    public Task<MessageAck> SendAsync(Guid conversationId, string content, string? clientMessageId = null) =>
        Hub.InvokeAsync<MessageAck>("SendMessage", new { conversationId, clientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), content });

    /// <summary>Waits for the next message event, failing after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<ChatMessage> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    public async Task<List<ChatMessage>> NextMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var received = new List<ChatMessage>();
        for (var i = 0; i < count; i++)
        {
            received.Add(await NextMessageAsync(timeout));
        }

        return received;
    }

    public bool TryTakeMessage(out ChatMessage? message) => _messages.Reader.TryRead(out message);

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
