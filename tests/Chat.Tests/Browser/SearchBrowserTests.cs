using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Search in the web client: the global box finds a message far back in a long conversation and opens
/// it in its context; the in-conversation search finds it too; starting a chat suggests people. The
/// history comes from a scripted hub client, so only the reader needs a browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture)
{
    private const int MessageCount = 160;
    private const int RareSeq = 40;

    [Fact]
    public async Task A_hit_far_from_the_newest_opens_its_conversation_scrolled_to_it_and_marked()
    {
        var word = $"zephyr{Guid.NewGuid():N}"[..16];
        var (alice, conversation) = await LongConversationAsync($"Remember the {word} before the release");
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");

                // Ctrl+K puts the cursor in the box; the hit shows the word marked, who sent it and where.
                await page.Page.Keyboard.PressAsync("Control+k");
                var input = page.ByTestId("search-input");
                await Expect(input).ToBeFocusedAsync();
                await input.FillAsync(word);
                var hit = page.ByTestId("search-message-hit");
                await Expect(hit).ToHaveCountAsync(1);
                await Expect(hit.GetByTestId("search-mark")).ToHaveTextAsync(word);
                await Expect(hit.GetByTestId("search-hit-snippet")).ToHaveTextAsync($"Remember the {word} before the release");
                await Expect(hit.GetByTestId("search-hit-sender")).ToHaveTextAsync("Bob");
                await Expect(hit.GetByTestId("search-hit-conversation")).ToHaveTextAsync("Bob");

                // Enter opens the first hit: the conversation, at that message, although it is 120 messages back.
                await input.FocusAsync();
                await input.PressAsync("ArrowDown");
                await Expect(hit).ToHaveAttributeAsync("aria-selected", "true");
                await input.PressAsync("Enter");
                await Expect(page.ByTestId("conversation-title")).ToHaveTextAsync("Bob");
                var target = Seq(page, RareSeq);
                await Expect(target).ToBeInViewportAsync();
                await Expect(target).ToHaveAttributeAsync("data-search-target", "true");
                await Expect(target.GetByTestId("message-content")).ToHaveTextAsync($"Remember the {word} before the release");
                // Only the stretch around it is shown; the newest is not, and the way back to it is offered.
                await Expect(Seq(page, MessageCount)).ToHaveCountAsync(0);
                await Expect(Seq(page, 1)).ToHaveCountAsync(0);
                await Expect(page.ByTestId("jump-latest")).ToBeVisibleAsync();

                // Scrolling up loads the older page before the window, scrolling down the newer one after it.
                var scroller = page.Page.Locator(".message-scroller");
                await scroller.EvaluateAsync("el => el.scrollTo({ top: 0 })");
                await Expect(Seq(page, 1)).ToHaveCountAsync(1);
                await scroller.EvaluateAsync("el => el.scrollTo({ top: el.scrollHeight })");
                await Expect(Seq(page, RareSeq + 50)).ToHaveCountAsync(1);
                await Expect(Seq(page, MessageCount)).ToHaveCountAsync(0);

                // Jump to latest: the live end again, newest in view.
                await page.ByTestId("jump-latest").ClickAsync();
                await Expect(Seq(page, MessageCount)).ToBeInViewportAsync();
                await Expect(Seq(page, RareSeq)).ToHaveCountAsync(0);
                await Expect(page.ByTestId("jump-latest")).ToHaveCountAsync(0);

                // Search inside the conversation finds it as well and jumps to it.
                await page.ByTestId("conversation-search-toggle").ClickAsync();
                var inConversation = page.ByTestId("conversation-search-input");
                await Expect(inConversation).ToBeFocusedAsync();
                await inConversation.FillAsync(word);
                await Expect(page.ByTestId("conversation-search-count")).ToHaveTextAsync("1 of 1");
                await Expect(Seq(page, RareSeq)).ToBeInViewportAsync();
                await Expect(Seq(page, RareSeq)).ToHaveAttributeAsync("data-search-target", "true");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task Results_are_grouped_sorted_by_date_on_request_and_open_people_and_hits_in_and_across_conversations()
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("alice"), "Alice");
        var bob = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("bob"), "Bob");
        var carol = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("carol"), "Carol");
        await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("launch"), "Launch Desk");
        var group = (await ConversationApi.CreateAsync(fixture.First.Http, alice, "group", "Release crew", bob, carol)).ConversationId;
        var direct = (await ConversationApi.CreateAsync(fixture.First.Http, alice, "direct", null, bob)).ConversationId;
        await using (var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bob))
        await using (var carolHub = await ChatConnection.ConnectAsync(fixture.First.Address, carol))
        {
            await bobHub.SendAsync(group, "The launch moves to Thursday, the venue is booked");
            await carolHub.SendAsync(group, "Launch checklist is in the wiki, please tick your items");
            await bobHub.SendAsync(direct, "Can you review the launch notes before standup?");
            await carolHub.SendAsync(group, "Who is bringing snacks to the launch party? 🎉");
        }

        await IndexedAsync(alice, "four launch messages", "/api/search/messages?q=launch", hits: 4);
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");
                await page.Page.Keyboard.PressAsync("/");
                await Expect(page.ByTestId("search-input")).ToBeFocusedAsync();
                await page.ByTestId("search-input").FillAsync("launch");

                var hits = page.ByTestId("search-message-hit");
                await Expect(hits).ToHaveCountAsync(4);
                await Expect(page.ByTestId("search-results").Locator("[role='group']")).ToHaveCountAsync(2);
                await Expect(page.ByTestId("search-group-people").GetByTestId("search-person")).ToContainTextAsync(["Launch Desk"]);
                await Expect(page.ByTestId("search-status")).ToHaveTextAsync("4 messages");
                foreach (var mark in await hits.GetByTestId("search-mark").AllAsync())
                {
                    Assert.Equal("launch", (await mark.TextContentAsync())!.ToLowerInvariant());
                }

                // By date: newest first, so the party question leads and the first one sent is last.
                await page.ByTestId("search-sort-date").ClickAsync();
                await Expect(page.ByTestId("search-sort-date")).ToHaveAttributeAsync("aria-pressed", "true");
                await Expect(hits.First.GetByTestId("search-hit-snippet")).ToContainTextAsync("launch party");
                await Expect(hits.Last.GetByTestId("search-hit-snippet")).ToContainTextAsync("moves to Thursday");
                await Expect(hits.Filter(new() { HasText = "review the launch notes" }).GetByTestId("search-hit-conversation")).ToHaveTextAsync("Bob");
                await Expect(hits.First.GetByTestId("search-hit-conversation")).ToHaveTextAsync("Release crew");

                // A click opens the hit beside the results, which stay for the next one.
                await hits.First.ClickAsync();
                await Expect(page.ByTestId("conversation-title")).ToHaveTextAsync("Release crew");
                await Expect(page.Message("Who is bringing snacks to the launch party? 🎉")).ToBeInViewportAsync();
                await Expect(hits).ToHaveCountAsync(4);
                await page.ScreenshotAsync("search-results.png");

                // Inside the group: its three hits, newest first, stepped through with the arrows.
                await page.ByTestId("conversation-search-toggle").ClickAsync();
                await page.ByTestId("conversation-search-input").FillAsync("launch");
                await Expect(page.ByTestId("conversation-search-count")).ToHaveTextAsync("1 of 3");
                await page.ByTestId("conversation-search-older").ClickAsync();
                await Expect(page.ByTestId("conversation-search-count")).ToHaveTextAsync("2 of 3");
                var checklist = page.Message("Launch checklist is in the wiki, please tick your items");
                await Expect(checklist).ToHaveAttributeAsync("data-search-target", "true");
                await page.ByTestId("conversation-search-input").PressAsync("Enter");
                await Expect(page.ByTestId("conversation-search-count")).ToHaveTextAsync("3 of 3");
                await Expect(page.Message("The launch moves to Thursday, the venue is booked")).ToHaveAttributeAsync("data-search-target", "true");
                await Expect(page.ByTestId("conversation-search-older")).ToBeDisabledAsync();
                await page.ByTestId("conversation-search-newer").ClickAsync();
                await Expect(page.ByTestId("conversation-search-count")).ToHaveTextAsync("2 of 3");

                // The empty box lists the recent searches until they are cleared.
                await page.ByTestId("search-clear").ClickAsync();
                await Expect(page.ByTestId("search-history-item").First).ToHaveTextAsync("launch");
                await page.ByTestId("search-history-clear").ClickAsync();
                await Expect(page.ByTestId("search-history-item")).ToHaveCountAsync(0);

                // A person found opens the direct chat with them (made on the spot).
                await page.ByTestId("search-input").FillAsync("launch");
                await page.ByTestId("search-person").ClickAsync();
                await Expect(page.ByTestId("conversation-title")).ToHaveTextAsync("Launch Desk");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task A_malformed_query_is_shown_inline_with_where_it_is_wrong()
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("alice"), "Alice");
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");
                await page.ByTestId("search-input").FillAsync("budget \"unclosed");
                await Expect(page.ByTestId("search-error")).ToContainTextAsync("unclosed quote");
                await Expect(page.ByTestId("search-error-query")).ToHaveAttributeAsync("data-position", "7");
                await Expect(page.ByTestId("search-input")).ToHaveAttributeAsync("aria-invalid", "true");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task Starting_a_chat_suggests_people_by_name_as_it_is_typed()
    {
        var surname = $"Quill{Guid.NewGuid():N}"[..12];
        var alice = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("alice"), "Alice");
        var carol = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("carol"), $"Carol {surname}");
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");

                // A prefix of her surname (not her username) finds her; Enter on the suggestion opens the chat.
                var field = page.ByTestId("new-direct-username");
                await field.FillAsync(surname[..8]);
                var suggestion = page.Page.Locator($"[data-testid='people-suggestion'][data-username='{carol.Username}']");
                await Expect(suggestion).ToBeVisibleAsync();
                await Expect(suggestion.GetByTestId("search-person-name")).ToHaveTextAsync($"Carol {surname}");
                await field.PressAsync("ArrowDown");
                await Expect(suggestion).ToHaveAttributeAsync("aria-selected", "true");
                await field.PressAsync("Enter");
                await Expect(page.ByTestId("conversation-title")).ToHaveTextAsync($"Carol {surname}");
                await Expect(page.ByTestId("people-suggestions")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    private static ILocator Seq(ChatPage page, int seq) => page.Page.Locator($"[data-testid='message'][data-seq='{seq}']");

    /// <summary>
    /// Alice's direct chat with Bob: <see cref="MessageCount"/> messages over the hub (Bob's first), the
    /// <see cref="RareSeq"/>th being <paramref name="rare"/>; returns once search finds it (indexing runs off the send path).
    /// </summary>
    private async Task<(TestUser Alice, Guid Conversation)> LongConversationAsync(string rare)
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("alice"), "Alice");
        var bob = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername("bob"), "Bob");
        var conversation = (await ConversationApi.CreateAsync(fixture.First.Http, alice, "direct", null, bob)).ConversationId;
        // Half from each, so neither sender goes past the per-sender burst the send path allows.
        await using (var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bob))
        await using (var aliceHub = await ChatConnection.ConnectAsync(fixture.First.Address, alice))
        {
            for (var i = 1; i <= MessageCount; i++)
            {
                var sender = i <= MessageCount / 2 ? bobHub : aliceHub;
                await sender.SendAsync(conversation, i == RareSeq ? rare : $"Status update number {i}");
            }
        }

        var word = rare.Split(' ')[2];
        await IndexedAsync(alice, word, $"/api/search/messages?q={word}");
        return (alice, conversation);
    }

    /// <summary>Polls a search until it has <paramref name="hits"/> hits: the index has no event a test can await.</summary>
    private async Task IndexedAsync(TestUser user, string what, string path, int hits = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await fixture.First.Http.SendAsync(user.Request(HttpMethod.Get, path));
            if (response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").GetArrayLength() >= hits)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"search did not find '{what}' within the deadline (last answer {(int)response.StatusCode})");
            await Task.Delay(100);
        }
    }
}
