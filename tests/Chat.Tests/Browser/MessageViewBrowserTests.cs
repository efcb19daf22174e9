using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The message view as a reader sees it: runs of one sender's messages, markdown that never becomes
/// HTML, day separators, the "New messages" divider and jump-to-latest. Others' messages come from
/// scripted hub clients, so only the reader needs a browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageViewBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task In_a_group_a_run_of_one_senders_messages_shows_the_name_once_and_another_sender_breaks_it()
    {
        var (alice, bob, carol, group) = await GroupAsync();
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        await using var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bob);
        await using var carolHub = await ChatConnection.ConnectAsync(fixture.First.Address, carol);
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await bobHub.SendAsync(group, "Morning all!");
                await bobHub.SendAsync(group, "The **release** is *tomorrow*, ~~Friday~~.");
                await bobHub.SendAsync(group, "Checklist:\n- run `scripts/test.sh`\n- tag it\n\n> ship small, ship often");
                await carolHub.SendAsync(group, "Notes are at [the wiki](https://wiki.example.com/release) as usual.");
                await carolHub.SendAsync(group, "```\ndotnet build Chat.sln -c Release\n```");
                await bobHub.SendAsync(group, "Thanks Carol 👍");

                await page.LogInAsync(alice.Username, "Alice");
                await page.ConversationItem(group.ToString()).ClickAsync();
                await Expect(page.Messages).ToHaveCountAsync(6);

                // Bob's three: his name (and avatar) on the first only; Carol's two start a new run; Bob again, again named.
                await ChatPage.ExpectAttributesAsync(page.Messages, "data-run-start", "true", "false", "false", "true", "false", "true");
                await ChatPage.ExpectAttributesAsync(page.Messages, "data-run-end", "false", "false", "true", "false", "true", "true");
                await Expect(page.ByTestId("message-sender")).ToHaveTextAsync(["Bob", "Carol", "Bob"]);
                await Expect(page.Messages.Nth(1).GetByTestId("message-sender")).ToHaveCountAsync(0);
                await Expect(page.ByTestId("message-avatar")).ToHaveCountAsync(3);
                // The time shows at the end of a run; inside one, only on hover.
                await Expect(page.Messages.Nth(0).Locator("time")).ToBeHiddenAsync();
                await Expect(page.Messages.Nth(2).Locator("time")).ToBeVisibleAsync();
                await page.Messages.Nth(0).HoverAsync();
                await Expect(page.Messages.Nth(0).Locator("time")).ToBeVisibleAsync();

                await Expect(page.ByTestId("day-separator")).ToHaveTextAsync(["Today"]);

                // Markdown: emphasis, lists, quotes, code and a link that shows where it goes.
                var second = page.Messages.Nth(1).GetByTestId("message-content");
                await Expect(second.Locator("strong")).ToHaveTextAsync("release");
                await Expect(second.Locator("em")).ToHaveTextAsync("tomorrow");
                await Expect(second.Locator("del")).ToHaveTextAsync("Friday");
                var third = page.Messages.Nth(2).GetByTestId("message-content");
                await Expect(third.Locator("li")).ToHaveCountAsync(2);
                await Expect(third.Locator("li code")).ToHaveTextAsync("scripts/test.sh");
                await Expect(third.Locator("blockquote")).ToHaveTextAsync("ship small, ship often");
                var link = page.Messages.Nth(3).Locator("a");
                await Expect(link).ToHaveTextAsync("the wiki");
                await Expect(link).ToHaveAttributeAsync("href", "https://wiki.example.com/release");
                await Expect(link).ToHaveAttributeAsync("target", "_blank");
                await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
                await Expect(page.Messages.Nth(3).GetByTestId("message-link-host")).ToHaveTextAsync("(wiki.example.com)");
                await Expect(page.Messages.Nth(4).Locator("pre code")).ToHaveTextAsync("dotnet build Chat.sln -c Release\n");

                // Emoji in text are drawn with the bundled emoji font, the words around them with the text font.
                var thumbs = page.Messages.Nth(5).Locator(".emoji");
                await Expect(thumbs).ToHaveTextAsync("👍");
                Assert.StartsWith("Twemoji,", (await thumbs.EvaluateAsync<string>("el => getComputedStyle(el).fontFamily")).Replace("\"", "", StringComparison.Ordinal));
                await Expect(page.Messages.Nth(5).GetByTestId("message-content")).ToHaveTextAsync("Thanks Carol 👍");

                await page.ScreenshotAsync("group-chat.png");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task Html_in_a_message_is_shown_as_text_and_only_web_and_mail_links_become_links()
    {
        var (alice, bob, _, group) = await GroupAsync();
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        var dialogs = 0;
        page.Page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };
        await using var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bob);
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                const string image = "<img src=x onerror=alert(1)>";
                const string bold = "<b>x</b>";
                await bobHub.SendAsync(group, image);
                await bobHub.SendAsync(group, bold);
                await bobHub.SendAsync(group, "[click me](javascript:alert(1)) and [data](data:text/html,hi)");
                await bobHub.SendAsync(group, "![tracker](https://tracker.example.com/pixel.png)");
                await bobHub.SendAsync(group, "Write to <mailto:ops@example.com> or see www.example.com");

                await page.LogInAsync(alice.Username, "Alice");
                await page.ConversationItem(group.ToString()).ClickAsync();
                await Expect(page.Messages).ToHaveCountAsync(5);
                var list = page.ByTestId("message-list");

                // HTML is text: shown as typed, and no element is made from it.
                await Expect(page.Messages.Nth(0).GetByTestId("message-content")).ToHaveTextAsync(image);
                await Expect(page.Messages.Nth(1).GetByTestId("message-content")).ToHaveTextAsync(bold);
                await Expect(list.Locator("b")).ToHaveCountAsync(0);

                // javascript: and data: links stay text; an image is never loaded, its address is a plain link.
                await Expect(page.Messages.Nth(2).GetByTestId("message-content")).ToHaveTextAsync("click me and data");
                await Expect(page.Messages.Nth(2).Locator("a")).ToHaveCountAsync(0);
                await Expect(list.Locator("img")).ToHaveCountAsync(0);
                await Expect(page.Messages.Nth(3).Locator("a")).ToHaveAttributeAsync("href", "https://tracker.example.com/pixel.png");
                await Expect(page.Messages.Nth(3).GetByTestId("message-link-host")).ToHaveTextAsync("(tracker.example.com)");

                // mailto and bare web addresses are links; one that shows its own address needs no host beside it.
                await Expect(page.Messages.Nth(4).Locator("a")).ToHaveCountAsync(2);
                await Expect(page.Messages.Nth(4).Locator("a").Nth(0)).ToHaveAttributeAsync("href", "mailto:ops@example.com");
                await Expect(page.Messages.Nth(4).Locator("a").Nth(1)).ToHaveAttributeAsync("href", "http://www.example.com/");
                await Expect(page.Messages.Nth(4).GetByTestId("message-link-host")).ToHaveCountAsync(0);
                Assert.Equal(0, Volatile.Read(ref dialogs));
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task Opening_a_chat_with_unread_messages_shows_a_divider_above_the_first_and_jump_to_latest_counts_new_ones()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = (await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser)).ConversationId;
        await using var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bobUser);
        await using var aliceHub = await ChatConnection.ConnectAsync(fixture.First.Address, aliceUser);

        // A long history Alice has read, then three she has not.
        for (var i = 1; i <= 30; i++)
        {
            await bobHub.SendAsync(conversation, $"Earlier message {i}");
        }

        await aliceHub.Hub.InvokeAsync("MarkRead", conversation, 30L);
        string[] unread = ["Unread one", "Unread two", "Unread three"];
        foreach (var text in unread)
        {
            await bobHub.SendAsync(conversation, text);
        }

        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(aliceUser.Username, aliceUser.Username);
                await Expect(page.ConversationItem(conversation.ToString()).GetByTestId("unread-badge")).ToHaveTextAsync("3");
                await page.ConversationItem(conversation.ToString()).ClickAsync();

                // One divider, right above the first unread message; it stays after the chat is marked read.
                var divider = page.ByTestId("unread-divider");
                await Expect(divider).ToHaveCountAsync(1);
                await Expect(divider).ToHaveTextAsync("New messages");
                await Expect(page.Page.Locator("[data-testid='unread-divider'] + [data-testid='message'] [data-testid='message-content']"))
                    .ToHaveTextAsync(unread[0]);
                await Expect(page.ByTestId("unread-badge")).ToHaveCountAsync(0);
                await Expect(divider).ToBeInViewportAsync();
                await Expect(page.ByTestId("day-separator").First).ToHaveTextAsync("Today");

                // At the bottom: no jump button. Scrolled up, there is one, and new messages do not move the view.
                await Expect(page.Message(unread[2])).ToBeInViewportAsync();
                await Expect(page.ByTestId("jump-latest")).ToHaveCountAsync(0);
                var scroller = page.Page.Locator(".message-scroller");
                await scroller.EvaluateAsync("el => el.scrollTo({ top: 0 })");
                await Expect(page.ByTestId("jump-latest")).ToBeVisibleAsync();
                await Expect(page.ByTestId("jump-latest-count")).ToHaveCountAsync(0);
                await bobHub.SendAsync(conversation, "New while scrolled up 1");
                await bobHub.SendAsync(conversation, "New while scrolled up 2");
                await Expect(page.ByTestId("jump-latest-count")).ToHaveTextAsync("2");
                await Expect(page.Message("New while scrolled up 2")).Not.ToBeInViewportAsync();
                Assert.True(await scroller.EvaluateAsync<double>("el => el.scrollTop") < 200);

                // The button brings the newest into view and goes away.
                await page.ByTestId("jump-latest").ClickAsync();
                await Expect(page.Message("New while scrolled up 2")).ToBeInViewportAsync();
                await Expect(page.ByTestId("jump-latest")).ToHaveCountAsync(0);
                await Expect(divider).ToHaveCountAsync(1);

                // Back at the bottom, a new message keeps the view there.
                await bobHub.SendAsync(conversation, "And one more");
                await Expect(page.Message("And one more")).ToBeInViewportAsync();
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    /// <summary>Alice, Bob and Carol (named so), in a group Alice made.</summary>
    private async Task<(TestUser Alice, TestUser Bob, TestUser Carol, Guid Group)> GroupAsync()
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("alice"));
        var bob = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("bob"));
        var carol = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("carol"));
        await Task.WhenAll(NameAsync(alice, "Alice"), NameAsync(bob, "Bob"), NameAsync(carol, "Carol"));
        var group = await ConversationApi.CreateAsync(fixture.First.Http, alice, "group", "Release crew", bob, carol);
        return (alice, bob, carol, group.ConversationId);
    }

    private async Task NameAsync(TestUser user, string displayName) =>
        (await fixture.First.Http.SendAsync(user.Request(HttpMethod.Patch, "/api/users/me/profile", new { displayName }))).EnsureSuccessStatusCode();
}
