using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>The web client when the server closes its connection over a frame it refuses: the reason shows, and nothing is resent in a loop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionContractBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_queued_message_the_server_refuses_by_closing_is_marked_failed_the_banner_says_why_and_sending_goes_on()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.First.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), aliceUser.Username);
        var sockets = 0;
        alice.Page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        try
        {
            await ChatPage.RunAsync([alice], async () =>
            {
                await alice.LogInAsync(aliceUser.Username, aliceUser.Username);

                // An outbox saved by an older client holds a message whose frame is over the 1 MiB transport
                // limit: the server closes the connection each time it arrives.
                var key = $"chatgrid.outbox.{aliceUser.UserId}";
                await alice.Page.EvaluateAsync("""
                    ([key, conversationId]) => localStorage.setItem(key, JSON.stringify([{
                      clientMessageId: crypto.randomUUID(), conversationId, content: 'x'.repeat(1100000),
                      createdAt: new Date().toISOString(), status: 'pending' }]))
                    """, new[] { key, conversation.ConversationId.ToString() });
                Interlocked.Exchange(ref sockets, 0);
                await alice.Page.ReloadAsync();

                await Expect(alice.ByTestId("connection-closed-reason")).ToContainTextAsync("frame over 1 MiB (too_large)");
                await alice.Page.WaitForFunctionAsync(
                    "key => JSON.parse(localStorage.getItem(key) ?? '[]')[0]?.status === 'failed'", key);
                await Expect(alice.ConnectionBanner).ToHaveCountAsync(0);

                // The connection is back and works; the refused message was not sent again.
                const string after = "A normal message after the refusal.";
                await alice.ConversationItem(conversation.ConversationId.ToString()).ClickAsync();
                await alice.SendAsync(after);
                await Expect(alice.Message(after)).ToHaveAttributeAsync("data-seq", "1");
                Assert.Equal(2, Volatile.Read(ref sockets));

                await alice.ByTestId("connection-closed-reason").GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
                await Expect(alice.ByTestId("connection-closed-reason")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page);
        }
    }
}
