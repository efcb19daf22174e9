using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Message requests in the web client: listed apart, answered with Accept, Ignore or Block.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageRequestBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Requests_are_listed_apart_and_accept_ignore_and_block_each_do_what_they_say()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var friendly = await TestUser.RegisterAsync(fixture.First.Http);
        var pest = await TestUser.RegisterAsync(fixture.First.Http);
        var spammer = await TestUser.RegisterAsync(fixture.First.Http);
        var toAccept = await SendFirstAsync(friendly, aliceUser, "hi, we met at the conference");
        var toIgnore = await SendFirstAsync(pest, aliceUser, "you again?");
        var toBlock = await SendFirstAsync(spammer, aliceUser, "buy now");
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([alice], async () =>
            {
                await alice.LogInAsync(aliceUser.Username, aliceUser.Username);
                var requests = alice.ByTestId("message-requests");
                await Expect(requests.GetByTestId("conversation-item")).ToHaveCountAsync(3);

                await alice.ConversationItem(toAccept.ToString()).ClickAsync();
                await Expect(alice.ByTestId("message-request-bar")).ToBeVisibleAsync();
                await alice.ByTestId("request-accept").ClickAsync();
                await Expect(alice.ByTestId("message-request-bar")).ToHaveCountAsync(0);
                await Expect(requests.GetByTestId("conversation-item")).ToHaveCountAsync(2);

                await alice.ConversationItem(toIgnore.ToString()).ClickAsync();
                await alice.ByTestId("request-ignore").ClickAsync();
                await Expect(alice.ConversationItem(toIgnore.ToString())).ToHaveCountAsync(0);

                await alice.ConversationItem(toBlock.ToString()).ClickAsync();
                await alice.ByTestId("request-block").ClickAsync();
                await Expect(alice.ByTestId("message-requests")).ToHaveCountAsync(0);

                // What the page shows after a reload comes from the server.
                await alice.Page.ReloadAsync();
                await Expect(alice.ConversationItem(toAccept.ToString())).ToBeVisibleAsync();
                await Expect(alice.ByTestId("message-requests")).ToHaveCountAsync(0);
                await Expect(alice.ConversationItems).ToHaveCountAsync(1);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page);
        }

        var blocks = await (await fixture.First.Http.SendAsync(aliceUser.Request(HttpMethod.Get, "/api/users/me/blocks"))).Content.ReadFromJsonAsync<List<JsonElement>>();
        Assert.Equal(spammer.UserId, Assert.Single(blocks!).GetProperty("userId").GetGuid());
    }

    private async Task<Guid> SendFirstAsync(TestUser sender, TestUser recipient, string text)
    {
        var direct = await ConversationApi.CreateAsync(fixture.First.Http, sender, "direct", null, recipient);
        await using var connection = await ChatConnection.ConnectAsync(fixture.First.Address, sender);
        await connection.SendAsync(direct.ConversationId, text);
        return direct.ConversationId;
    }
}
