using System.Net.WebSockets;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Realtime;

/// <summary>Bad input never kills a connection: frames up to 1 MiB reach the hub, and only what is not SignalR closes, with a reason.</summary>
[Collection(MessagingCollection.Name)]
public sealed class HubFrameContractTests(GridWithFrontends grid)
{
    private const int MaxFrameBytes = 1024 * 1024;

    [Theory]
    [InlineData(135_000)] // just over SignalR's default 128 KiB
    [InlineData(300_000)]
    [InlineData(1_000_000)]
    public async Task A_large_SendMessage_frame_gets_too_large_and_the_connection_then_sends(int contentChars)
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.SendAsync(conversationId, new string('x', contentChars)));

        Assert.Equal("too_large", HubErrors.Code(error));
        Assert.Equal(HubConnectionState.Connected, connection.Hub.State);
        var ack = await connection.SendAsync(conversationId, "after the big one");
        Assert.Equal(1, ack.Seq);
    }

    [Theory]
    [InlineData(65, true)]
    [InlineData(200, true)]
    [InlineData(5_000, true)]
    [InlineData(200, false)]
    public async Task An_argument_nested_too_deep_gets_bad_request_and_the_connection_lives(int depth, bool targetFirst)
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);
        var metadata = string.Concat(Enumerable.Repeat("""{"a":""", depth)) + "1" + new string('}', depth);
        var arguments = $$"""[{"conversationId":"{{conversationId}}","clientMessageId":"deep","content":"hi","metadata":{{metadata}}}]""";

        // The web client's JSON.stringify writes "arguments" before "target" and "type".
        var frame = targetFirst
            ? $$"""{"type":1,"invocationId":"7","target":"SendMessage","arguments":{{arguments}}}"""
            : $$"""{"arguments":{{arguments}},"target":"SendMessage","type":1,"invocationId":"7"}""";
        await socket.SendFrameAsync(frame);
        var completion = await socket.CompletionOfAsync("7");

        Assert.Equal("bad_request", ErrorCode(completion));
        await AssertStillSendsAsync(socket, conversationId);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("1e999999")]
    public async Task A_non_JSON_number_in_an_argument_gets_bad_request_and_the_connection_lives(string number)
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        var completion = await socket.InvokeAsync("SendMessage",
            $$"""[{"conversationId":"{{conversationId}}","clientMessageId":"n","content":"hi","replyToSeq":{{number}}}]""");

        Assert.Equal("bad_request", ErrorCode(completion));
        await AssertStillSendsAsync(socket, conversationId);
    }

    [Theory]
    [InlineData("""[{"conversationId":12,"content":"hi"}]""")]
    [InlineData("""[{"conversationId":"not-a-guid","content":"hi"}]""")]
    [InlineData("""["just a string"]""")]
    [InlineData("""[{"content":"hi"},{"extra":true}]""")]
    public async Task Arguments_of_the_wrong_shape_get_bad_request_and_the_connection_lives(string arguments)
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        var completion = await socket.InvokeAsync("SendMessage", arguments);

        Assert.Equal("bad_request", ErrorCode(completion));
        await AssertStillSendsAsync(socket, conversationId);
    }

    [Fact]
    public async Task An_unknown_hub_method_gets_not_found_and_the_connection_lives()
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        var completion = await socket.InvokeAsync("NoSuchMethod", "[]");

        Assert.Equal("not_found", ErrorCode(completion));
        await AssertStillSendsAsync(socket, conversationId);
    }

    [Fact]
    public async Task A_frame_over_1_MiB_closes_with_too_large()
    {
        var (alice, conversationId) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);
        var frame = $$"""{"type":1,"invocationId":"1","target":"SendMessage","arguments":[{"conversationId":"{{conversationId}}","content":"{{new string('x', MaxFrameBytes)}}"}]}""";

        // The server stops reading at the limit, so the send itself may never complete.
        _ = socket.SendFrameAsync(frame);
        var reason = await socket.CloseReasonAsync();

        Assert.NotNull(reason);
        Assert.Equal("too_large", HubErrors.Code(reason));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"target":"SendMessage","arguments":[]}""")]
    [InlineData("""{"type":1,"invocationId":"1","target":"SendMessage","arguments":[}""")]
    [InlineData("""{"type":"one"}""")]
    public async Task A_frame_that_is_not_a_SignalR_message_closes_with_protocol_error(string frame)
    {
        var (alice, _) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        await socket.SendFrameAsync(frame);
        var reason = await socket.CloseReasonAsync();

        Assert.NotNull(reason);
        Assert.Equal("protocol_error", HubErrors.Code(reason));
    }

    [Fact]
    public async Task A_binary_frame_of_invalid_UTF8_closes_with_protocol_error()
    {
        var (alice, _) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        await socket.SendBytesAsync(InvalidUtf8Frame(), WebSocketMessageType.Binary);
        var reason = await socket.CloseReasonAsync();

        Assert.NotNull(reason);
        Assert.Equal("protocol_error", HubErrors.Code(reason));
    }

    [Fact]
    public async Task A_text_frame_of_invalid_UTF8_is_closed_by_the_WebSocket_layer_as_invalid_payload()
    {
        var (alice, _) = await ConversationAsync();
        await using var socket = await RawHubSocket.ConnectAsync(grid.First.Address, alice);

        await socket.SendBytesAsync(InvalidUtf8Frame());

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await socket.SocketCloseStatusAsync());
    }

    [Fact]
    public async Task The_close_reason_reaches_the_dotnet_client()
    {
        var (alice, _) = await ConversationAsync();
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);
        var closed = new TaskCompletionSource<Exception?>();
        connection.Hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        _ = connection.Hub.InvokeAsync<object>("SendMessage", new { content = new string('x', MaxFrameBytes + 1) });
        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(error);
        Assert.Contains("HubException: too_large: ", error.Message, StringComparison.Ordinal);
    }

    private async Task<(TestUser Alice, Guid ConversationId)> ConversationAsync()
    {
        var alice = await TestUser.RegisterAsync(grid.First.Http);
        var bob = await TestUser.RegisterAsync(grid.First.Http);
        var conversation = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        return (alice, conversation.ConversationId);
    }

    private static byte[] InvalidUtf8Frame()
    {
        byte[] invalid = [0x22, 0xff, 0xfe, 0x22];
        return [.. """{"type":1,"invocationId":"1","target":"SendMessage","arguments":["""u8, .. invalid, .. "]}"u8, RawHubSocket.RecordSeparator];
    }

    private static string ErrorCode(JsonElement completion)
    {
        Assert.True(completion.TryGetProperty("error", out var error), $"expected an error, got {completion}");
        return HubErrors.Code(error.GetString()!);
    }

    private static async Task AssertStillSendsAsync(RawHubSocket socket, Guid conversationId)
    {
        var completion = await socket.InvokeAsync("SendMessage",
            $$"""[{"conversationId":"{{conversationId}}","clientMessageId":"{{Guid.NewGuid()}}","content":"still here"}]""");
        Assert.False(completion.TryGetProperty("error", out var error), $"the follow-up send failed: {error}");
        var ack = completion.GetProperty("result").Deserialize<MessageAck>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(conversationId, ack.ConversationId);
    }
}
