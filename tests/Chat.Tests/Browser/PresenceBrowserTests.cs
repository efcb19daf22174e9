using System.Text.RegularExpressions;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Presence in the web client: an online dot on the avatar of a direct-chat partner and "online" or
/// "last seen …" in the chat's header, with last seen left out when the partner hides it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PresenceBrowserTests(BrowserFixture fixture)
{
    /// <summary>Offline comes 5 s after the last session ends; a loaded machine needs a little more.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions OfflineSoon = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_sees_B_online_then_last_seen_after_B_leaves_and_no_last_seen_when_B_hides_it()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var id = conversation.ConversationId.ToString();
        // Bob takes Alice's chat (not a message request for him any more): only then does she see his presence.
        (await fixture.First.Http.SendAsync(bobUser.Request(HttpMethod.Post, $"/api/conversations/{id}/request/accept"))).EnsureSuccessStatusCode();
        await NameAsync(bobUser, "Bob Builder");
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob");
        var bobAgain = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob2");
        try
        {
            await ChatPage.RunAsync([alice], async () =>
            {
                await alice.LogInAsync(aliceUser.Username, aliceUser.Username);
                await alice.ConversationItem(id).ClickAsync();
                await Expect(alice.ByTestId("conversation-title")).ToHaveTextAsync("Bob Builder");
                var listAvatar = alice.ConversationItem(id).GetByTestId("avatar");
                var subtitle = alice.ByTestId("conversation-subtitle");
                // Initials on a colour, and no dot while Bob is away from every device.
                await Expect(listAvatar).ToHaveTextAsync("BB");
                await Expect(listAvatar).ToHaveAttributeAsync("data-presence", "none");

                await bob.LogInAsync(bobUser.Username, "Bob Builder");
                await Expect(listAvatar.GetByTestId("presence-dot")).ToHaveAttributeAsync("data-status", "online");
                await Expect(subtitle).ToHaveTextAsync("online");

                // Bob closes his page: after the grace period Alice sees when he was last there.
                await fixture.CloseContextsAsync(bob.Page);
                await Expect(subtitle).ToHaveTextAsync(new Regex("^last seen (just now|[1-9] minutes? ago)$"), OfflineSoon);
                await Expect(listAvatar).ToHaveAttributeAsync("data-presence", "none");

                // Bob hides his last seen from everyone and comes back: online shows, last seen does not.
                var privacy = await fixture.Second.Http.SendAsync(bobUser.Request(HttpMethod.Put, "/api/users/me/privacy",
                    new { lastSeen = "nobody", profilePhoto = "everyone", readReceipts = "everyone" }));
                privacy.EnsureSuccessStatusCode();
                await bobAgain.LogInAsync(bobUser.Username, "Bob Builder");
                await Expect(subtitle).ToHaveTextAsync("online");
                await fixture.CloseContextsAsync(bobAgain.Page);
                await Expect(listAvatar).ToHaveAttributeAsync("data-presence", "none", new() { Timeout = 30_000 });
                await Expect(subtitle).ToHaveCountAsync(0);

                // After a reload (a new connection, watching again) it stays hidden.
                await alice.Page.ReloadAsync();
                await Expect(alice.ByTestId("conversation-title")).ToHaveTextAsync("Bob Builder");
                await Expect(listAvatar).ToHaveAttributeAsync("data-presence", "none");
                await Expect(subtitle).ToHaveCountAsync(0);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page);
        }
    }

    private async Task NameAsync(TestUser user, string displayName) =>
        (await fixture.First.Http.SendAsync(user.Request(HttpMethod.Patch, "/api/users/me/profile", new { displayName }))).EnsureSuccessStatusCode();
}
