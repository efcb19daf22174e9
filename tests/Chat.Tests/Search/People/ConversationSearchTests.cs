using System.Net;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.People;

[Collection(SearchCollection.Name)]
public sealed class ConversationSearchTests(SearchGrid grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task Groups_and_channels_are_found_by_the_prefix_of_any_word_of_their_name_folded()
    {
        var tag = PeopleSearchApi.Tag();
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, alice, "group", $"Équipe Café {tag}", bob);
        var channel = await ConversationApi.CreateAsync(Http, alice, "channel", $"東京ニュース {tag}");

        var byAccentless = await grid.FindConversationsAsync(bob, $"cafe {tag}");
        var byPrefix = await grid.FindConversationsAsync(alice, $"EQU {tag}");
        var byCjk = await grid.FindConversationsAsync(alice, $"ニュース {tag}");
        var notAWordPrefix = await grid.FindConversationsAsync(alice, $"afe {tag}");

        var hit = Assert.Single(byAccentless);
        Assert.Equal((group.ConversationId, "group", $"Équipe Café {tag}"), (hit.ConversationId, hit.Type, hit.Name));
        Assert.Equal([group.ConversationId], byPrefix.Select(c => c.ConversationId));
        Assert.Equal([(channel.ConversationId, "channel")], byCjk.Select(c => (c.ConversationId, c.Type)));
        Assert.Empty(notAWordPrefix);
    }

    [Fact]
    public async Task Direct_chats_are_found_by_the_other_members_display_name_or_username_and_named_after_them()
    {
        var tag = PeopleSearchApi.Tag();
        var alice = await TestUser.RegisterAsync(Http, $"{tag}alice", $"Alice Ångström {tag}");
        var bob = await TestUser.RegisterAsync(Http, $"{tag}bob", $"Bob Builder {tag}");
        var direct = await ConversationApi.CreateAsync(Http, alice, "direct", null, bob);

        var aliceFindsBob = await grid.FindConversationsAsync(alice, $"builder {tag}");
        var aliceByUsername = await grid.FindConversationsAsync(alice, $"{tag}bob");
        var bobFindsAlice = await grid.FindConversationsAsync(bob, $"angstrom {tag}");
        var aliceByOwnName = await grid.FindConversationsAsync(alice, $"angstrom {tag}");

        var hit = Assert.Single(aliceFindsBob);
        Assert.Equal((direct.ConversationId, "direct", $"Bob Builder {tag}"), (hit.ConversationId, hit.Type, hit.Name));
        Assert.Equal([direct.ConversationId], aliceByUsername.Select(c => c.ConversationId));
        Assert.Equal([direct.ConversationId], bobFindsAlice.Select(c => c.ConversationId));
        Assert.Equal($"Alice Ångström {tag}", bobFindsAlice[0].Name);
        Assert.Empty(aliceByOwnName);
    }

    [Fact]
    public async Task Only_the_callers_own_conversations_are_found_and_a_left_one_no_longer()
    {
        var tag = PeopleSearchApi.Tag();
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var group = await ConversationApi.CreateAsync(Http, alice, "group", $"Planning {tag}", bob);
        var before = await grid.FindConversationsAsync(bob, $"plan {tag}");

        var leave = await Http.SendAsync(bob, HttpMethod.Delete, $"/api/conversations/{group.ConversationId}/members/{bob.UserId}");

        Assert.Equal([group.ConversationId], before.Select(c => c.ConversationId));
        Assert.Empty(await grid.FindConversationsAsync(stranger, $"plan {tag}"));
        Assert.True(leave.IsSuccessStatusCode, $"leave: {leave.StatusCode}");
        Assert.Empty(await grid.FindConversationsAsync(bob, $"plan {tag}"));
        Assert.Equal([group.ConversationId], (await grid.FindConversationsAsync(alice, $"plan {tag}")).Select(c => c.ConversationId));
    }

    [Fact]
    public async Task The_most_recently_active_conversation_comes_first()
    {
        var tag = PeopleSearchApi.Tag();
        var alice = await TestUser.RegisterAsync(Http);
        var older = await ConversationApi.CreateAsync(Http, alice, "group", $"Alpha {tag}");
        var newer = await ConversationApi.CreateAsync(Http, alice, "group", $"Beta {tag}");
        var before = await grid.FindConversationsAsync(alice, tag);
        await using var connection = await ChatConnection.ConnectAsync(grid.First.Address, alice);

        await connection.SendAsync(older.ConversationId, "back to alpha");

        Assert.Equal([newer.ConversationId, older.ConversationId], before.Select(c => c.ConversationId));
        Assert.Equal([older.ConversationId, newer.ConversationId], (await grid.FindConversationsAsync(alice, tag)).Select(c => c.ConversationId));
    }

    [Fact]
    public async Task Limit_caps_the_conversations_found()
    {
        var tag = PeopleSearchApi.Tag();
        var alice = await TestUser.RegisterAsync(Http);
        await ConversationApi.CreateAsync(Http, alice, "group", $"One {tag}");
        await ConversationApi.CreateAsync(Http, alice, "group", $"Two {tag}");

        var response = await Http.SendAsync(alice, HttpMethod.Get, $"/api/search/conversations?q={tag}&limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("conversations").GetArrayLength());
    }
}
