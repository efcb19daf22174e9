using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Reply, edit, react and delete in the conversation view, seen live by the other member on another
/// Frontend, and read back from history after a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageActionsBrowserTests(BrowserFixture fixture)
{
    private const string Question = "Are we still on for Friday?";
    private const string Answer = "Yes, 7 pm at the usual place.";
    private const string Corrected = "Yes, 8 pm at the usual place.";
    private const string Mistake = "Oops, that was meant for someone else.";
    private const string Deleted = "This message was deleted.";

    [Fact]
    public async Task A_reply_an_edit_reactions_and_a_delete_for_everyone_reach_the_other_member_live()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var id = conversation.ConversationId.ToString();
        await NameAsync(aliceUser, "Alice");
        await NameAsync(bobUser, "Bob");
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        // Bob on a phone: the menu must fit its narrow screen.
        var bob = new ChatPage(
            await fixture.NewPageAsync(fixture.Second, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
            }),
            "bob");
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                await Task.WhenAll(alice.LogInAsync(aliceUser.Username, "Alice"), bob.LogInAsync(bobUser.Username, "Bob"));
                await Task.WhenAll(alice.ConversationItem(id).ClickAsync(), bob.ConversationItem(id).ClickAsync());
                await bob.SendAsync(Question);
                await Expect(alice.Message(Question)).ToHaveAttributeAsync("data-mine", "false");

                // Alice replies: the composer shows what she answers, and so does the message she sends.
                await alice.MessageActionAsync(Question, "action-reply");
                await Expect(alice.ByTestId("composer-reply")).ToContainTextAsync("Replying to Bob");
                await Expect(alice.ByTestId("composer-reply")).ToContainTextAsync(Question);
                await Expect(alice.Composer).ToBeFocusedAsync();
                await alice.SendAsync(Answer);
                await Expect(alice.ByTestId("composer-reply")).ToHaveCountAsync(0);
                await Expect(alice.Message(Answer).GetByTestId("message-quote-text")).ToHaveTextAsync(Question);
                await Expect(bob.Message(Answer).GetByTestId("message-quote-text")).ToHaveTextAsync(Question);
                await Expect(bob.Message(Answer).GetByTestId("message-quote-sender")).ToHaveTextAsync("You");

                // She edits her answer: both see the new text, marked edited, still quoting Bob.
                await alice.MessageActionAsync(Answer, "action-edit");
                await Expect(alice.ByTestId("composer-edit")).ToBeVisibleAsync();
                await Expect(alice.Composer).ToHaveValueAsync(Answer);
                await alice.SendAsync(Corrected);
                await Expect(alice.ByTestId("composer-edit")).ToHaveCountAsync(0);
                foreach (var page in new[] { alice, bob })
                {
                    await Expect(page.Message(Corrected).GetByTestId("message-edited")).ToBeVisibleAsync();
                    await Expect(page.Message(Corrected).GetByTestId("message-quote-text")).ToHaveTextAsync(Question);
                    await Expect(page.Message(Answer)).ToHaveCountAsync(0);
                }

                // She reacts to Bob's question from the keyboard: the menu opens on its first item, 👍.
                await alice.Message(Question).GetByTestId("message-actions").FocusAsync();
                await alice.Page.Keyboard.PressAsync("Enter");
                await Expect(alice.Message(Question).Locator("[data-testid='action-react'][data-emoji='👍']")).ToBeFocusedAsync();
                await alice.Page.Keyboard.PressAsync("Enter");
                await Expect(alice.Message(Question).GetByTestId("message-actions")).ToBeFocusedAsync();
                await Expect(alice.Reaction(Question, "👍")).ToHaveAttributeAsync("data-count", "1");
                await Expect(alice.Reaction(Question, "👍")).ToHaveAttributeAsync("data-mine", "true");
                await Expect(bob.Reaction(Question, "👍")).ToHaveAttributeAsync("data-count", "1");
                await Expect(bob.Reaction(Question, "👍")).ToHaveAttributeAsync("data-mine", "false");

                // Bob adds his own 👍 by its chip and a ❤️ to her answer; she sees both counts live.
                await bob.Reaction(Question, "👍").ClickAsync();
                await Expect(alice.Reaction(Question, "👍")).ToHaveAttributeAsync("data-count", "2");
                await bob.Message(Corrected).GetByTestId("message-actions").ClickAsync();
                var menu = (await bob.Message(Corrected).GetByRole(AriaRole.Menu).BoundingBoxAsync())!;
                Assert.InRange(menu.X, 0, 390 - menu.Width);
                Assert.InRange(menu.Y, 0, 844 - menu.Height);
                await bob.Message(Corrected).Locator("[data-testid='action-react'][data-emoji='❤️']").ClickAsync();
                await Expect(alice.Reaction(Corrected, "❤️")).ToHaveAttributeAsync("data-count", "1");
                await Expect(bob.Reaction(Question, "👍")).ToHaveAttributeAsync("data-mine", "true");
                await alice.ScreenshotAsync("message-actions.png");

                // Bob takes his 👍 back.
                await bob.Reaction(Question, "👍").ClickAsync();
                await Expect(alice.Reaction(Question, "👍")).ToHaveAttributeAsync("data-count", "1");

                // A message deleted for everyone becomes a placeholder on both pages, in its place.
                await alice.SendAsync(Mistake);
                await Expect(bob.Message(Mistake)).ToBeVisibleAsync();
                await alice.MessageActionAsync(Mistake, "action-delete-all");
                await alice.ByTestId("confirm-ok").ClickAsync();
                foreach (var page in new[] { alice, bob })
                {
                    await Expect(page.Message(Mistake)).ToHaveCountAsync(0);
                    await Expect(page.Messages.Nth(2)).ToHaveAttributeAsync("data-deleted", "true");
                    await Expect(page.Messages.Nth(2).GetByTestId("message-content")).ToHaveTextAsync(Deleted);
                }

                // Deleted for me: gone from Bob's view only.
                await bob.MessageActionAsync(Deleted, "action-delete-me");
                await Expect(bob.Messages).ToHaveCountAsync(2);
                await Expect(alice.Messages).ToHaveCountAsync(3);

                // After a reload, history carries the same: quote, edit mark, reactions, and no hidden message.
                await bob.Page.ReloadAsync();
                await Expect(bob.Messages).ToHaveCountAsync(2);
                await Expect(bob.Message(Corrected).GetByTestId("message-edited")).ToBeVisibleAsync();
                await Expect(bob.Message(Corrected).GetByTestId("message-quote-text")).ToHaveTextAsync(Question);
                await Expect(bob.Reaction(Question, "👍")).ToHaveAttributeAsync("data-count", "1");
                await Expect(bob.Reaction(Corrected, "❤️")).ToHaveAttributeAsync("data-mine", "true");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }

    private async Task NameAsync(TestUser user, string displayName) =>
        (await fixture.First.Http.SendAsync(user.Request(HttpMethod.Patch, "/api/users/me/profile", new { displayName }))).EnsureSuccessStatusCode();
}
