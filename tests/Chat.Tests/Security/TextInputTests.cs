using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Security;

/// <summary>
/// NUL and unpaired surrogates in any text are refused with <c>bad_request</c> naming the field,
/// before anything is written, on REST and on the hub (issue 15, Input).
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class TextInputTests(GridWithFrontends grid)
{
    // As JSON escapes, so the bad text reaches the server exactly as written.
    private const string Nul = "bad\\u0000text";
    private const string LoneHigh = "bad\\ud800text";
    private const string LoneLow = "bad\\udc00text";

    public static TheoryData<string, string> RestFields() => new()
    {
        { "register.username", Nul }, { "register.email", Nul }, { "register.displayName", LoneHigh }, { "register.password", Nul },
        { "login.login", Nul }, { "login.password", LoneLow },
        { "profile.displayName", Nul }, { "profile.bio", LoneHigh }, { "profile.statusText", Nul },
        { "autoReply.message", Nul }, { "privacy.lastSeen", Nul },
        { "createConversation.name", Nul }, { "updateConversation.name", LoneLow },
    };

    public static TheoryData<string, string> HubFields() => new()
    {
        { "SendMessage.content", Nul }, { "SendMessage.content", LoneHigh }, { "SendMessage.content", LoneLow },
        { "SendMessage.clientMessageId", Nul }, { "SendMessage.type", Nul },
        { "SendMessage.metadata.value", Nul }, { "SendMessage.metadata.key", LoneHigh }, { "SendMessage.metadata.nested", Nul },
        { "EditMessage.content", Nul }, { "React.emoji", LoneHigh }, { "SetPresence.status", Nul },
        { "ScheduleMessage.content", Nul },
    };

    [Theory]
    [MemberData(nameof(RestFields))]
    public async Task Bad_text_in_a_rest_field_is_refused_naming_the_field(string field, string bad)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var group = await ConversationApi.CreateAsync(grid.First.Http, user, "group", "Before");
        var name = field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var (method, path, json, authorized) = field switch
        {
            "register.username" or "register.email" or "register.displayName" or "register.password" => (HttpMethod.Post, "/api/auth/register",
                Body(new() { ["username"] = $"\"{$"u{Guid.NewGuid():N}"[..20]}\"", ["email"] = "\"x@example.test\"", ["password"] = $"\"{TestUser.DefaultPassword}\"", ["displayName"] = "\"X\"" }, name, bad), false),
            "login.login" or "login.password" => (HttpMethod.Post, "/api/auth/login",
                Body(new() { ["login"] = $"\"{user.Username}\"", ["password"] = $"\"{TestUser.DefaultPassword}\"" }, name, bad), false),
            "profile.displayName" or "profile.bio" or "profile.statusText" => (HttpMethod.Patch, "/api/users/me/profile",
                Body(new() { ["displayName"] = "\"New name\"", ["bio"] = "\"New bio\"", ["statusText"] = "\"New status\"" }, name, bad), true),
            "autoReply.message" => (HttpMethod.Put, "/api/users/me/auto-reply", Body(new() { ["enabled"] = "true", ["message"] = "\"x\"" }, name, bad), true),
            "privacy.lastSeen" => (HttpMethod.Put, "/api/users/me/privacy",
                Body(new() { ["lastSeen"] = "\"nobody\"", ["profilePhoto"] = "\"nobody\"", ["readReceipts"] = "\"nobody\"" }, name, bad), true),
            "createConversation.name" => (HttpMethod.Post, "/api/conversations", Body(new() { ["type"] = "\"group\"", ["name"] = "\"x\"", ["memberIds"] = "[]" }, name, bad), true),
            "updateConversation.name" => (new HttpMethod("PATCH"), $"/api/conversations/{group.ConversationId}", Body(new() { ["name"] = "\"x\"" }, name, bad), true),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorized)
        {
            request.Headers.Authorization = new("Bearer", user.AccessToken);
        }

        var response = await grid.First.Http.SendAsync(request);

        await response.AssertBadRequestAsync(field);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.StartsWith($"{name} must not contain NUL", detail, StringComparison.Ordinal);

        // Nothing was written: the profile, privacy, auto-reply and the group's name are as they were.
        var profile = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me/profile"))).JsonAsync();
        Assert.Equal((user.Username, ""), (profile.GetProperty("displayName").GetString(), profile.GetProperty("bio").GetString()));
        var privacy = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me/privacy"))).JsonAsync();
        Assert.Equal("everyone", privacy.GetProperty("lastSeen").GetString());
        var autoReply = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me/auto-reply"))).JsonAsync();
        Assert.False(autoReply.GetProperty("enabled").GetBoolean());
        var conversation = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{group.ConversationId}"))).JsonAsync();
        Assert.Equal("Before", conversation.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(HubFields))]
    public async Task Bad_text_in_a_hub_argument_is_refused_naming_the_field_and_stores_nothing(string field, string bad)
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var group = await ConversationApi.CreateAsync(grid.First.Http, user, "group", "Texts");
        await using var chat = await ChatConnection.ConnectAsync(grid.First.Address, user);
        var sent = await chat.SendAsync(group.ConversationId, "first");
        var id = group.ConversationId;
        var clientId = $"\"{Guid.NewGuid()}\"";
        var sendAt = $"\"{DateTimeOffset.UtcNow.AddHours(1):O}\"";
        var (target, arguments, name) = field switch
        {
            "SendMessage.content" => ("SendMessage", $$"""[{"conversationId":"{{id}}","clientMessageId":{{clientId}},"content":"{{bad}}"}]""", "content"),
            "SendMessage.clientMessageId" => ("SendMessage", $$"""[{"conversationId":"{{id}}","clientMessageId":"{{bad}}","content":"x"}]""", "clientMessageId"),
            "SendMessage.type" => ("SendMessage", $$"""[{"conversationId":"{{id}}","clientMessageId":{{clientId}},"content":"x","type":"{{bad}}"}]""", "type"),
            "SendMessage.metadata.value" => ("SendMessage", $$$"""[{"conversationId":"{{{id}}}","clientMessageId":{{{clientId}}},"content":"x","metadata":{"note":"{{{bad}}}"}}]""", "metadata.note"),
            "SendMessage.metadata.key" => ("SendMessage", $$$"""[{"conversationId":"{{{id}}}","clientMessageId":{{{clientId}}},"content":"x","metadata":{"{{{bad}}}":1}}]""", "a key of metadata"),
            "SendMessage.metadata.nested" => ("SendMessage", $$$"""[{"conversationId":"{{{id}}}","clientMessageId":{{{clientId}}},"content":"x","metadata":{"a":[{"b":"{{{bad}}}"}]}}]""", "metadata.a[0].b"),
            "EditMessage.content" => ("EditMessage", $$"""["{{id}}",{{sent.Seq}},"{{bad}}"]""", "content"),
            "React.emoji" => ("React", $$"""["{{id}}",{{sent.Seq}},"{{bad}}"]""", "emoji"),
            "SetPresence.status" => ("SetPresence", $$"""["{{bad}}"]""", "status"),
            "ScheduleMessage.content" => ("ScheduleMessage", $$"""[{"conversationId":"{{id}}","clientMessageId":{{clientId}},"content":"{{bad}}","sendAt":{{sendAt}}}]""", "content"),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        await using var raw = await RawHubSocket.ConnectAsync(grid.First.Address, user);
        var completion = await raw.InvokeAsync(target, arguments);

        var error = completion.GetProperty("error").GetString()!;
        Assert.Equal("bad_request", HubErrors.Code(error));
        Assert.Contains($"{name} must not contain NUL", error, StringComparison.Ordinal);

        var history = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, $"/api/conversations/{id}/messages"))).Content.ReadFromJsonAsync<MessagePage>();
        var only = Assert.Single(history!.Messages);
        Assert.Equal(("first", null), (only.Content, only.EditedAt));
        Assert.Empty(only.Reactions ?? []);
    }

    [Fact]
    public async Task A_refused_profile_change_writes_none_of_its_fields()
    {
        var user = await TestUser.RegisterAsync(grid.First.Http);
        var response = await grid.First.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/users/me/profile")
        {
            Headers = { Authorization = new("Bearer", user.AccessToken) },
            Content = new StringContent($$"""{"bio":"A new bio","statusText":"busy","displayName":"{{Nul}}"}""", Encoding.UTF8, "application/json"),
        });

        await response.AssertBadRequestAsync("NUL in displayName");
        var profile = await (await grid.First.Http.SendAsync(user.Request(HttpMethod.Get, "/api/users/me/profile"))).JsonAsync();
        Assert.Equal((user.Username, "", ""), (profile.GetProperty("displayName").GetString(), profile.GetProperty("bio").GetString(), profile.GetProperty("statusText").GetString()));
        await using var dataSource = grid.Grid.Database.CreateDataSource();
        await using var name = dataSource.CreateCommand("SELECT display_name FROM accounts WHERE user_id = $1");
        name.Parameters.AddWithValue(user.UserId);
        Assert.Equal(user.Username, await name.ExecuteScalarAsync());
    }

    private static string Body(Dictionary<string, string> fields, string badField, string bad)
    {
        fields[badField] = $"\"{bad}\"";
        return "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }
}
