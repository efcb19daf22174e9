using System.Text.RegularExpressions;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The web client end to end in a real browser against a real grid: people sign up, chat, see each
/// other type and read, and lose and regain the network. The screenshots in docs/images come from here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebClientTests(BrowserFixture fixture)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    private static readonly string[] Missed = ["One: the plan changed.", "Two: we meet at 3.", "Three: bring the slides."];

    [Fact]
    public async Task Two_people_sign_up_start_a_direct_chat_and_see_messages_typing_and_read_ticks_both_ways()
    {
        // Alice on a desktop on one Frontend, Bob on a phone on the other.
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second, Phone), "bob");
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                var aliceUsername = ChatPage.NewUsername("alice");
                var bobUsername = ChatPage.NewUsername("bob");
                await Task.WhenAll(
                    alice.SignUpAsync(aliceUsername, "Alice", () => alice.ScreenshotAsync("signup.png")),
                    bob.SignUpAsync(bobUsername, "Bob"));

                var conversationId = await alice.StartDirectChatAsync(bobUsername, "Bob");
                await Expect(alice.ConversationItems).ToHaveCountAsync(1);
                await Expect(alice.ByTestId("back-button")).ToBeHiddenAsync(); // the desktop shows list and chat side by side

                // Bob learns of the new chat live, without reloading.
                await Expect(bob.ConversationItem(conversationId)).ToBeVisibleAsync();

                // Alice writes first while Bob has the chat closed: delivered (✓✓), not read, and unread for Bob.
                const string first = "Hi Bob, this is Alice.";
                await alice.SendAsync(first);
                await Expect(alice.Message(first)).ToHaveAttributeAsync("data-mine", "true");
                await Expect(alice.Message(first)).ToHaveAttributeAsync("data-status", "delivered");
                await Expect(bob.ConversationItem(conversationId).GetByTestId("unread-badge")).ToHaveTextAsync("1");
                await Expect(bob.ConversationItem(conversationId)).ToContainTextAsync(first);

                // Bob opens it (on the phone the chat replaces the list): he sees the message and the badge goes.
                // It is a message request for him, so reading it tells Alice nothing; accepting it turns her tick to read.
                await bob.ConversationItem(conversationId).ClickAsync();
                await Expect(bob.ByTestId("back-button")).ToBeVisibleAsync();
                await Expect(bob.ConversationItems).ToBeHiddenAsync();
                await Expect(bob.Message(first)).ToHaveAttributeAsync("data-mine", "false");
                await Expect(bob.ByTestId("message-request-bar")).ToBeVisibleAsync();
                await Expect(alice.Message(first)).ToHaveAttributeAsync("data-status", "delivered");
                await bob.ByTestId("request-accept").ClickAsync();
                await Expect(bob.ByTestId("message-request-bar")).ToHaveCountAsync(0);
                await Expect(alice.Message(first)).ToHaveAttributeAsync("data-status", "read");
                await Expect(bob.ByTestId("unread-badge")).ToHaveCountAsync(0);

                // Starting a direct chat with Alice by name leads Bob to the same conversation, not a second one.
                // (Also how Bob's page learns Alice's name: conversation details name members by id only.)
                await bob.ByTestId("back-button").ClickAsync();
                Assert.Equal(conversationId, await bob.StartDirectChatAsync(aliceUsername, "Alice"));
                await Expect(bob.ConversationItems).ToHaveCountAsync(1);
                await bob.ExpectExactlyMessagesAsync(first);

                // Bob types: Alice sees him typing; once he sends, the indicator goes and his message is there.
                const string second = "Hey Alice! Good to see you here.";
                await Expect(alice.TypingIndicator).ToHaveCountAsync(0);
                await bob.TypeAsync(second);
                await Expect(alice.TypingIndicator).ToHaveTextAsync("Bob is typing…");
                await bob.ByTestId("composer-send").ClickAsync();
                await Expect(bob.Composer).ToHaveValueAsync("");
                await Expect(alice.Message(second)).ToHaveAttributeAsync("data-mine", "false");
                await Expect(alice.TypingIndicator).ToHaveCountAsync(0);
                await Expect(bob.Message(second)).ToHaveAttributeAsync("data-status", "read");

                // And the other way round.
                const string third = "Lunch at noon?";
                await alice.TypeAsync(third);
                await Expect(bob.TypingIndicator).ToHaveTextAsync("Alice is typing…");
                await alice.Composer.PressAsync("Enter");
                await Expect(bob.Message(third)).ToHaveAttributeAsync("data-mine", "false");
                await Expect(bob.TypingIndicator).ToHaveCountAsync(0);
                await Expect(alice.Message(third)).ToHaveAttributeAsync("data-status", "read");

                // Both show exactly the same three messages, in order, each once, on the right side, all read.
                await alice.ExpectExactlyMessagesAsync(first, second, third);
                await bob.ExpectExactlyMessagesAsync(first, second, third);
                await ChatPage.ExpectAttributesAsync(alice.Messages, "data-mine", "true", "false", "true");
                await ChatPage.ExpectAttributesAsync(bob.Messages, "data-mine", "false", "true", "false");
                await ChatPage.ExpectAttributesAsync(alice.OwnMessages, "data-status", "read", "read");
                await ChatPage.ExpectAttributesAsync(bob.OwnMessages, "data-status", "read");

                // The members panel lists both.
                await alice.ByTestId("members-toggle").ClickAsync();
                await Expect(alice.ByTestId("member-item")).ToHaveCountAsync(2);
                await alice.ByTestId("members-toggle").ClickAsync();
                await Expect(alice.ByTestId("member-item")).ToHaveCountAsync(0);

                await alice.ScreenshotAsync("chat-desktop.png");
                await bob.ScreenshotAsync("chat-phone.png");

                // Dark theme, by the toggle.
                await alice.ByTestId("theme-toggle").ClickAsync();
                await Expect(alice.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
                await alice.ScreenshotAsync("chat-desktop-dark.png");

                // On the phone, Back returns to the list: newest message, nothing unread; a new one shows up unread there.
                await bob.ByTestId("back-button").ClickAsync();
                await Expect(bob.ConversationItem(conversationId)).ToContainTextAsync(third);
                await Expect(bob.ByTestId("unread-badge")).ToHaveCountAsync(0);
                const string fourth = "See you there!";
                await alice.SendAsync(fourth);
                await Expect(alice.Message(fourth)).ToHaveAttributeAsync("data-status", "delivered");
                await Expect(bob.ConversationItem(conversationId).GetByTestId("unread-badge")).ToHaveTextAsync("1");
                await Expect(bob.ConversationItem(conversationId).Locator(".conversation-title")).ToHaveTextAsync("Alice");
                await Expect(bob.ConversationItem(conversationId)).ToContainTextAsync(fourth);
                await bob.ScreenshotAsync("chat-phone-list.png");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }

    [Fact]
    public async Task A_page_that_was_offline_shows_exactly_the_messages_it_missed_in_order_once_back_online()
    {
        var (alice, bob) = await TwoPeopleInADirectChatAsync();
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                const string before = "Still there?";
                await bob.SendAsync(before);
                await alice.ExpectExactlyMessagesAsync(before);
                await Expect(bob.Message(before)).ToHaveAttributeAsync("data-status", "read");

                await GoOfflineWhileBobSendsThreeAsync(alice, bob);

                // Back online: exactly those three, in order, once each; and Bob sees them read.
                await alice.Context.SetOfflineAsync(false);
                await Expect(alice.ConnectionBanner).ToHaveCountAsync(0);
                await alice.ExpectExactlyMessagesAsync([before, .. Missed]);
                await ChatPage.ExpectAttributesAsync(alice.Messages, "data-mine", "false", "false", "false", "false");
                await ChatPage.ExpectAttributesAsync(bob.OwnMessages, "data-status", "read", "read", "read", "read");

                // Her answer goes through once, after them.
                const string reply = "Got all three.";
                await alice.SendAsync(reply);
                await bob.ExpectExactlyMessagesAsync([before, .. Missed, reply]);
                await alice.ExpectExactlyMessagesAsync([before, .. Missed, reply]);
                await Expect(alice.Message(reply)).ToHaveAttributeAsync("data-mine", "true");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }

    [Fact]
    public async Task A_page_back_online_sends_what_was_written_offline_and_gets_live_events_again()
    {
        var (alice, bob) = await TwoPeopleInADirectChatAsync();
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                await GoOfflineWhileBobSendsThreeAsync(alice, bob);

                // What Alice writes while offline waits in her outbox, and the banner says so.
                const string queued = "On a train, back soon.";
                await alice.SendAsync(queued);
                await Expect(alice.Message(queued)).ToHaveAttributeAsync("data-status", "pending");
                await Expect(alice.ConnectionBanner).ToContainTextAsync("1 message waiting to send");
                await bob.ExpectExactlyMessagesAsync(Missed);

                // Back online: Bob's three first, then hers, once each; Bob reads it and she sees that live.
                await alice.Context.SetOfflineAsync(false);
                await Expect(alice.ConnectionBanner).ToHaveCountAsync(0);
                await alice.ExpectExactlyMessagesAsync([.. Missed, queued]);
                await bob.ExpectExactlyMessagesAsync([.. Missed, queued]);
                await ChatPage.ExpectAttributesAsync(bob.OwnMessages, "data-status", "read", "read", "read");
                await Expect(alice.Message(queued)).ToHaveAttributeAsync("data-status", "read");

                // Live again: Bob's typing and his next message reach her without a reload.
                const string next = "Welcome back!";
                await bob.TypeAsync(next);
                // (Any name: this page never looked Bob up, and conversation details carry member ids only.)
                await Expect(alice.TypingIndicator).ToHaveTextAsync(new Regex("^.+ is typing…$"));
                await bob.Composer.PressAsync("Enter");
                await alice.ExpectExactlyMessagesAsync([.. Missed, queued, next]);
                await Expect(alice.TypingIndicator).ToHaveCountAsync(0);
                await Expect(bob.Message(next)).ToHaveAttributeAsync("data-status", "read");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }

    /// <summary>Two people signed up through the API (display name = username), signed in on different Frontends, with their direct chat open.</summary>
    private async Task<(ChatPage Alice, ChatPage Bob)> TwoPeopleInADirectChatAsync()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), aliceUser.Username);
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second), bobUser.Username);
        await Task.WhenAll(alice.LogInAsync(aliceUser.Username, aliceUser.Username), bob.LogInAsync(bobUser.Username, bobUser.Username));
        var id = conversation.ConversationId.ToString();
        await Task.WhenAll(alice.ConversationItem(id).ClickAsync(), bob.ConversationItem(id).ClickAsync());
        await Expect(alice.Composer).ToBeVisibleAsync();
        await Expect(bob.Composer).ToBeVisibleAsync();
        return (alice, bob);
    }

    /// <summary>Cuts Alice's network (her page must notice), then Bob sends <see cref="Missed"/>: stored, not delivered, not on her page.</summary>
    private static async Task GoOfflineWhileBobSendsThreeAsync(ChatPage alice, ChatPage bob)
    {
        var alreadyShown = await alice.Messages.CountAsync();
        await alice.Context.SetOfflineAsync(true);
        await Expect(alice.ConnectionBanner).ToBeVisibleAsync();
        await Expect(alice.ConnectionBanner).ToHaveAttributeAsync("data-state", "reconnecting");

        foreach (var text in Missed)
        {
            await bob.SendAsync(text);
        }

        await Expect(bob.Messages.Last).ToHaveAttributeAsync("data-status", "sent");
        await Expect(bob.OwnMessages.Filter(new() { HasText = Missed[0] })).ToHaveAttributeAsync("data-status", "sent");
        await Expect(alice.Messages).ToHaveCountAsync(alreadyShown);
        await Expect(alice.ConnectionBanner).ToHaveAttributeAsync("data-state", "reconnecting");
    }
}
