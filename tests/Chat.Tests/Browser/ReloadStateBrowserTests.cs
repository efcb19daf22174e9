using System.Text.RegularExpressions;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Files.Previews;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// What the server knows reaches a page that was just loaded, before any live event: the list's
/// previews, times and order, the ticks of own messages, and delivery of what arrived meanwhile.
/// The others are scripted clients, so each test drives one or two pages only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReloadStateBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task After_a_reload_the_list_shows_previews_by_latest_activity_and_own_messages_keep_their_read_ticks()
    {
        var http = fixture.First.Http;
        var alice = await TestUser.RegisterAsync(http, displayName: "Alice");
        var bob = await TestUser.RegisterAsync(http, displayName: "Bob");
        var carol = await TestUser.RegisterAsync(http, displayName: "Carol");
        var withBob = (await ConversationApi.CreateAsync(http, alice, "direct", null, bob)).ConversationId;
        var team = (await ConversationApi.CreateAsync(http, alice, "group", "Team", bob, carol)).ConversationId;
        var withCarol = (await ConversationApi.CreateAsync(http, alice, "direct", null, carol)).ConversationId;
        (await http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{withBob}/request/accept"))).EnsureSuccessStatusCode();
        await using var aliceHub = await ChatConnection.ConnectAsync(fixture.First.Address, alice);
        await using var bobHub = await ChatConnection.ConnectAsync(fixture.Second.Address, bob);
        await using var carolHub = await ChatConnection.ConnectAsync(fixture.Second.Address, carol);

        // Oldest activity first: a message Alice deleted, a voice message from Carol, Alice's text that Bob reads.
        var deleted = await aliceHub.SendAsync(withCarol, "Never mind");
        await aliceHub.Hub.InvokeAsync("DeleteMessage", withCarol, deleted.Seq, true);
        // A voice message must carry a real, completed audio file of Carol's.
        using var samples = new MediaSamples();
        var voiceNote = await UploadedFiles.UploadAsync(
            http, carol, await File.ReadAllBytesAsync(await samples.VoiceNoteAsync()), "voice.ogg", "audio/ogg");
        await carolHub.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId = team, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "voice",
            metadata = new { fileId = voiceNote, durationMs = 4200 },
        });
        const string readByBob = "Read me after the reload";
        var read = await aliceHub.SendAsync(withBob, readByBob);
        await bobHub.Hub.InvokeAsync("MarkRead", withBob, read.Seq);

        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");
                await ExpectListAsync(page, (withBob, $"You: {readByBob}"), (team, "Carol: Voice message"), (withCarol, "You: Deleted message"));
                await Expect(page.ConversationItem(withBob.ToString()).GetByTestId("conversation-time")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$"));

                await page.ConversationItem(withBob.ToString()).ClickAsync();
                await Expect(page.Message(readByBob)).ToHaveAttributeAsync("data-status", "read");

                // A reload starts from REST alone: the same list, and the tick is read at once.
                await page.Page.ReloadAsync();
                await Expect(page.Message(readByBob)).ToHaveAttributeAsync("data-status", "read");
                await ExpectListAsync(page, (withBob, $"You: {readByBob}"), (team, "Carol: Voice message"), (withCarol, "You: Deleted message"));

                // Live: typing shows in the row instead of the preview, a new message moves its conversation up.
                var teamPreview = page.ConversationItem(team.ToString()).GetByTestId("conversation-preview");
                await carolHub.Hub.InvokeAsync("Typing", team, true);
                await Expect(teamPreview).ToHaveTextAsync("Carol is typing…");
                await page.ScreenshotAsync("conversation-list.png");
                await carolHub.Hub.InvokeAsync("Typing", team, false);
                await Expect(teamPreview).ToHaveTextAsync("Carol: Voice message");
                var standup = await bobHub.SendAsync(team, "Standup in five");
                await ExpectListAsync(page, (team, "Bob: Standup in five"), (withBob, $"You: {readByBob}"), (withCarol, "You: Deleted message"));
                await bobHub.Hub.InvokeAsync<ChatMessage>("EditMessage", team, standup.Seq, "Standup in ten");
                await Expect(teamPreview).ToHaveTextAsync("Bob: Standup in ten");

                // An own send from the page moves its conversation up; hiding it ("delete for me", from
                // another device) brings back the message before it, and the order by it.
                await page.ConversationItem(withCarol.ToString()).ClickAsync();
                await page.SendAsync("Back again");
                await ExpectListAsync(page, (withCarol, "You: Back again"), (team, "Bob: Standup in ten"), (withBob, $"You: {readByBob}"));
                await aliceHub.Hub.InvokeAsync("DeleteMessage", withCarol, 2L, false);
                await ExpectListAsync(page, (team, "Bob: Standup in ten"), (withBob, $"You: {readByBob}"), (withCarol, "You: Deleted message"));
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task A_message_sent_while_the_recipient_had_no_page_open_is_delivered_when_they_open_the_app()
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http);
        var bob = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = (await ConversationApi.CreateAsync(fixture.First.Http, alice, "direct", null, bob)).ConversationId.ToString();
        (await fixture.Second.Http.SendAsync(bob.Request(HttpMethod.Post, $"/api/conversations/{conversation}/request/accept"))).EnsureSuccessStatusCode();
        var alicePage = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        var bobPage = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob");
        try
        {
            await ChatPage.RunAsync([alicePage, bobPage], async () =>
            {
                const string text = "Are you there?";
                await alicePage.LogInAsync(alice.Username, alice.Username);
                await alicePage.ConversationItem(conversation).ClickAsync();
                await alicePage.SendAsync(text);
                await Expect(alicePage.Message(text)).ToHaveAttributeAsync("data-status", "sent");

                // Bob opens the app and looks at nothing but the list: the message reached his device.
                await bobPage.LogInAsync(bob.Username, bob.Username);
                await Expect(bobPage.ConversationItem(conversation).GetByTestId("conversation-preview")).ToHaveTextAsync(text);
                await Expect(bobPage.ConversationItem(conversation).GetByTestId("unread-badge")).ToHaveTextAsync("1");
                await Expect(alicePage.Message(text)).ToHaveAttributeAsync("data-status", "delivered");

                // Her reload keeps it; his opening the chat makes it read.
                await alicePage.Page.ReloadAsync();
                await Expect(alicePage.Message(text)).ToHaveAttributeAsync("data-status", "delivered");
                await bobPage.ConversationItem(conversation).ClickAsync();
                await Expect(alicePage.Message(text)).ToHaveAttributeAsync("data-status", "read");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alicePage.Page, bobPage.Page);
        }
    }

    /// <summary>The list holds exactly these conversations in this order, each with this preview.</summary>
    private static async Task ExpectListAsync(ChatPage page, params (Guid Id, string Preview)[] rows)
    {
        await ChatPage.ExpectAttributesAsync(page.ConversationItems, "data-conversation-id", [.. rows.Select(r => r.Id.ToString())]);
        await Expect(page.ByTestId("conversation-preview")).ToHaveTextAsync([.. rows.Select(r => r.Preview)]);
    }
}
