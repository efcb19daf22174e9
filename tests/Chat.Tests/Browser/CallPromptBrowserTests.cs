using System.Text.RegularExpressions;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>The incoming call says who calls, and the call shows a running timer from the server's answeredAt.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CallPromptBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_callee_sees_who_is_calling_and_in_which_group_and_both_see_the_timer_run_after_the_answer()
    {
        var alice = new ChatPage(await fixture.NewCallPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await fixture.NewCallPageAsync(fixture.Second), "bob");
        var bobUsername = ChatPage.NewUsername("bob");
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await Task.WhenAll(alice.SignUpAsync(ChatPage.NewUsername("alice"), "Alice Liddell"), bob.SignUpAsync(bobUsername, "Bob"));
            var id = await alice.StartDirectChatAsync(bobUsername, "Bob");
            await alice.SendAsync("Got a minute? Calling you.");
            await bob.ConversationItem(id).ClickAsync();
            await Expect(bob.Message("Got a minute? Calling you.")).ToBeVisibleAsync();

            await alice.ByTestId("call-start-video").ClickAsync();
            await Expect(alice.ByTestId("call-view")).ToBeVisibleAsync();
            await Expect(bob.ByTestId("call-incoming-text")).ToHaveTextAsync("Alice Liddell is calling you (video)");
            // While it rings there is no timer yet.
            await Expect(alice.ByTestId("call-timer")).ToHaveCountAsync(0);
            await bob.ScreenshotAsync("call-prompt.png");

            await bob.ByTestId("call-accept").ClickAsync();
            await Expect(bob.ByTestId("call-timer")).ToHaveTextAsync(new Regex("^00:0[1-9]$"));
            await Expect(alice.ByTestId("call-timer")).ToHaveTextAsync(new Regex("^00:0[1-9]$"));

            await alice.ByTestId("call-hangup").ClickAsync();
            await Expect(bob.ByTestId("call-view")).ToHaveCountAsync(0);

            // A group call names the group too; Bob declines, and the caller's call ends.
            await alice.ByTestId("new-kind-group").CheckAsync();
            await alice.ByTestId("new-group-name").FillAsync("Band practice");
            await alice.ByTestId("new-group-usernames").FillAsync(bobUsername);
            await alice.ByTestId("new-group-submit").ClickAsync();
            await Expect(alice.ByTestId("conversation-title")).ToHaveTextAsync("Band practice");
            await alice.ByTestId("call-start").ClickAsync();
            await Expect(bob.ByTestId("call-incoming-text")).ToHaveTextAsync("Alice Liddell is calling Band practice (voice)");
            await bob.ByTestId("call-reject").ClickAsync();
            await Expect(alice.ByTestId("call-view")).ToHaveCountAsync(0);
        });
        await fixture.CloseContextsAsync(alice.Page, bob.Page);
    }
}
