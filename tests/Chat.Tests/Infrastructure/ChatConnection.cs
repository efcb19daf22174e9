using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Chat.Conversations;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Infrastructure;

/// <summary>A real SignalR client on one Frontend, recording the events it receives so tests can await them.</summary>
public sealed class ChatConnection : IAsyncDisposable
{
    private static readonly string[] RecordedEvents =
        ["ReadReceipt", "DeliveryReceipt", "Typing", "MessageUpdated", "ReactionChanged", "ConversationAdded", "ConversationRemoved",
         "MembersChanged", "ConversationUpdated", "MessageHidden", "PinsChanged", "PresenceChanged", "LiveLocation",
         "IncomingCall", "CallStateChanged", "CallSignal", "CallRingingStopped", "CallReaction", "ScheduledMessageFailed",
         "FileProcessed"];

    private readonly Channel<ChatMessage> _messages = Channel.CreateUnbounded<ChatMessage>();
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _events = new();

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
        foreach (var method in RecordedEvents)
        {
            hub.On<JsonElement>(method, payload => connection.EventsOf(method).Writer.TryWrite(payload));
        }

        await hub.StartAsync();
        // The server runs OnConnectedAsync (which subscribes this user's conversations) before it
        // dispatches any invocation, so one round trip means live events will reach us. Real
        // clients get the same from the Sync they make on every (re)connect.
        await hub.InvokeAsync<List<ChatMessage>>("Sync", Array.Empty<object>());
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

    /// <summary>Waits for the next event of a kind (e.g. "ReadReceipt"), as JSON.</summary>
    public async Task<JsonElement> NextEventAsync(string method, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await EventsOf(method).Reader.ReadAsync(cts.Token);
    }

    public bool TryTakeEvent(string method, out JsonElement payload) => EventsOf(method).Reader.TryRead(out payload);

    private Channel<JsonElement> EventsOf(string method) => _events.GetOrAdd(method, _ => Channel.CreateUnbounded<JsonElement>());

    public bool TryTakeMessage(out ChatMessage? message) => _messages.Reader.TryRead(out message);

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
