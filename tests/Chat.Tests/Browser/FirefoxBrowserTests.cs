using Chat.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>The web client in Firefox (Debian's ESR over WebDriver BiDi), talking to someone in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirefoxBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Someone_in_Firefox_and_someone_in_Chromium_chat_both_ways_with_typing_and_read_ticks()
    {
        var alice = new ChatPage(await fixture.NewFirefoxPageAsync(fixture.First), "alice (Firefox)");
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob (Chromium)");
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                var aliceUsername = ChatPage.NewUsername("alice");
                var bobUsername = ChatPage.NewUsername("bob");
                await Task.WhenAll(alice.SignUpAsync(aliceUsername, "Alice"), bob.SignUpAsync(bobUsername, "Bob"));

                var conversationId = await alice.StartDirectChatAsync(bobUsername, "Bob");
                await Expect(bob.ConversationItem(conversationId)).ToBeVisibleAsync();

                const string first = "Hello from Firefox.";
                await alice.SendAsync(first);
                await bob.ConversationItem(conversationId).ClickAsync();
                await Expect(bob.Message(first)).ToHaveAttributeAsync("data-mine", "false");
                await bob.ByTestId("request-accept").ClickAsync();
                await Expect(alice.Message(first)).ToHaveAttributeAsync("data-status", "read");

                const string second = "And hello from Chromium.";
                await bob.TypeAsync(second);
                await Expect(alice.TypingIndicator).ToHaveTextAsync("Bob is typing…");
                await bob.Composer.PressAsync("Enter");
                await Expect(alice.Message(second)).ToHaveAttributeAsync("data-mine", "false");
                await Expect(alice.TypingIndicator).ToHaveCountAsync(0);

                const string third = "Typed in Firefox, sent with Enter.";
                await alice.TypeAsync(third);
                await Expect(bob.TypingIndicator).ToHaveTextAsync("Alice is typing…");
                await alice.Composer.PressAsync("Enter");
                await Expect(bob.Message(third)).ToHaveAttributeAsync("data-mine", "false");
                await Expect(alice.Message(third)).ToHaveAttributeAsync("data-status", "read");

                await alice.ExpectExactlyMessagesAsync(first, second, third);
                await bob.ExpectExactlyMessagesAsync(first, second, third);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }
}
