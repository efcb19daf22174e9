using System.Text.RegularExpressions;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Managing a group from the members panel, as four people on two Frontends see it: rename, add,
/// change a role, remove and leave, each reaching every open page live; a plain member sees no
/// management controls.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_owner_renames_adds_promotes_and_removes_a_member_leaves_happen_after_a_confirmation_and_everyone_sees_it_live()
    {
        var users = await Task.WhenAll(
            NewUserAsync("Olivia Owner"), NewUserAsync("Bob Baker"), NewUserAsync("Carol Cook"), NewUserAsync("Dave Diver"));
        var (oliviaUser, bobUser, carolUser, daveUser) = (users[0], users[1], users[2], users[3]);
        var olivia = new ChatPage(await fixture.NewPageAsync(fixture.First), "olivia");
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob");
        var carol = new ChatPage(await fixture.NewPageAsync(fixture.First), "carol");
        var dave = new ChatPage(await fixture.NewPageAsync(fixture.Second), "dave");
        ChatPage[] everyone = [olivia, bob, carol, dave];
        try
        {
            await ChatPage.RunAsync(everyone, async () =>
            {
                await Task.WhenAll(
                    olivia.LogInAsync(oliviaUser.Username, "Olivia Owner"),
                    bob.LogInAsync(bobUser.Username, "Bob Baker"),
                    carol.LogInAsync(carolUser.Username, "Carol Cook"),
                    dave.LogInAsync(daveUser.Username, "Dave Diver"));

                // Olivia creates the group with Bob and Carol; both get it live and open it.
                await olivia.ByTestId("new-kind-group").CheckAsync();
                await olivia.ByTestId("new-group-name").FillAsync("Weekend plans");
                await olivia.ByTestId("new-group-usernames").FillAsync($"{bobUser.Username}, {carolUser.Username}");
                await olivia.ByTestId("new-group-submit").ClickAsync();
                await Expect(olivia.ByTestId("conversation-title")).ToHaveTextAsync("Weekend plans");
                await Expect(olivia.Page).ToHaveURLAsync(new Regex("#/c/[0-9a-f-]{36}$"));
                var id = olivia.Page.Url[(olivia.Page.Url.LastIndexOf('/') + 1)..];
                await bob.ConversationItem(id).ClickAsync();
                await carol.ConversationItem(id).ClickAsync();
                await OpenMembersAsync(olivia);
                await OpenMembersAsync(bob);
                await OpenMembersAsync(carol);

                // A plain member sees the members and a way out, nothing to manage.
                await Expect(carol.ByTestId("member-item")).ToHaveCountAsync(3);
                await Expect(carol.ByTestId("group-leave")).ToBeVisibleAsync();
                foreach (var control in new[] { "member-remove", "member-role", "group-rename", "group-add-usernames", "invite-create" })
                {
                    await Expect(carol.ByTestId(control)).ToHaveCountAsync(0);
                }

                // Rename: everyone sees the new name live, and after a reload.
                await olivia.ByTestId("group-rename").ClickAsync();
                await olivia.ByTestId("group-rename-input").FillAsync("Weekend trip");
                await olivia.ByTestId("group-rename-save").ClickAsync();
                await Expect(olivia.ByTestId("conversation-title")).ToHaveTextAsync("Weekend trip");
                await Expect(bob.ByTestId("conversation-title")).ToHaveTextAsync("Weekend trip");
                await Expect(carol.ConversationItem(id)).ToContainTextAsync("Weekend trip");
                await bob.Page.ReloadAsync();
                await Expect(bob.ByTestId("conversation-title")).ToHaveTextAsync("Weekend trip");
                await OpenMembersAsync(bob);

                // Adding someone who does not exist is refused in words; adding Dave reaches everyone.
                await olivia.ByTestId("group-add-usernames").FillAsync("nobody_by_this_name");
                await olivia.ByTestId("group-add-submit").ClickAsync();
                await Expect(olivia.ByTestId("group-error")).ToContainTextAsync("No user named");
                await olivia.ByTestId("group-add-usernames").FillAsync(daveUser.Username);
                await olivia.ByTestId("group-add-submit").ClickAsync();
                await Expect(olivia.ByTestId("group-error")).ToHaveCountAsync(0);
                await Expect(dave.ConversationItem(id)).ToContainTextAsync("Weekend trip");
                await Expect(MemberRow(bob, daveUser)).ToContainTextAsync("Dave Diver");
                await Expect(MemberRow(olivia, daveUser)).ToContainTextAsync("Dave Diver");
                await Expect(MemberRow(olivia, oliviaUser)).ToContainTextAsync("Olivia Owner");
                await Expect(carol.ByTestId("member-item")).ToHaveCountAsync(4);

                // Olivia makes Bob an admin: he sees it live and may now manage the members below him.
                await Expect(MemberRow(olivia, bobUser).GetByTestId("member-role").Locator("option"))
                    .ToHaveTextAsync(["admin", "moderator", "member", "subscriber"]);
                await MemberRow(olivia, bobUser).GetByTestId("member-role").SelectOptionAsync("admin");
                await Expect(MemberRow(bob, bobUser)).ToHaveAttributeAsync("data-role", "admin");
                await Expect(MemberRow(carol, bobUser).GetByTestId("member-role-tag")).ToHaveTextAsync("admin");
                await Expect(MemberRow(bob, daveUser).GetByTestId("member-remove")).ToBeVisibleAsync();
                await Expect(MemberRow(bob, oliviaUser).GetByTestId("member-remove")).ToHaveCountAsync(0);
                await Expect(MemberRow(bob, oliviaUser).GetByTestId("member-role")).ToHaveCountAsync(0);
                await Expect(MemberRow(bob, carolUser).GetByTestId("member-role").Locator("option"))
                    .ToHaveTextAsync(["moderator", "member", "subscriber"]);
                await olivia.SendAsync("Who is in for Saturday?");
                await Expect(bob.Message("Who is in for Saturday?")).ToBeVisibleAsync();
                await bob.SendAsync("Count me in!");
                await Expect(olivia.Message("Count me in!")).ToBeVisibleAsync();
                await olivia.ScreenshotAsync("group-members.png");

                // Olivia removes Dave: his list loses the group, the others' panels lose him.
                await MemberRow(olivia, daveUser).GetByTestId("member-remove").ClickAsync();
                await Expect(dave.ConversationItem(id)).ToHaveCountAsync(0);
                await Expect(bob.ByTestId("member-item")).ToHaveCountAsync(3);

                // An invite link brings Dave back; once revoked it admits nobody, and says so.
                await olivia.ByTestId("invite-create").ClickAsync();
                var link = await olivia.ByTestId("invite-link").InputValueAsync();
                Assert.Matches("#/join/[0-9a-f]{32}\\.", link);
                // Opened on Dave's own Frontend, where he is signed in.
                var invite = "/" + link[link.IndexOf('#', StringComparison.Ordinal)..];
                await dave.Page.GotoAsync(invite);
                await Expect(dave.ByTestId("conversation-title")).ToHaveTextAsync("Weekend trip");
                await Expect(olivia.ByTestId("member-item")).ToHaveCountAsync(4);
                await olivia.ByTestId("invite-revoke").ClickAsync();
                await Expect(olivia.ByTestId("invite-create")).ToBeVisibleAsync();

                // Carol leaves, after saying yes: her list loses it, the others see three members.
                await carol.ByTestId("group-leave").ClickAsync();
                await Expect(carol.Page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
                await carol.ByTestId("confirm-cancel").ClickAsync();
                await Expect(carol.ConversationItem(id)).ToHaveCountAsync(1);
                await carol.ByTestId("group-leave").ClickAsync();
                await carol.ByTestId("confirm-ok").ClickAsync();
                await Expect(carol.ConversationItem(id)).ToHaveCountAsync(0);
                await Expect(olivia.ByTestId("member-item")).ToHaveCountAsync(3);
                await Expect(bob.ByTestId("member-item")).ToHaveCountAsync(3);
                await Expect(MemberRow(bob, carolUser)).ToHaveCountAsync(0);
                await carol.Page.GotoAsync(invite);
                await Expect(carol.ByTestId("invite-error")).ToContainTextAsync("revoked");
                await carol.Page.ReloadAsync();
                await Expect(carol.ByTestId("current-user")).ToHaveTextAsync("Carol Cook");
                await Expect(carol.ConversationItem(id)).ToHaveCountAsync(0);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(everyone.Select(p => p.Page).ToArray());
        }
    }

    private static ILocator MemberRow(ChatPage page, TestUser user) =>
        page.Page.Locator($"[data-testid='member-item'][data-user-id='{user.UserId}']");

    private static async Task OpenMembersAsync(ChatPage page)
    {
        await page.ByTestId("members-toggle").ClickAsync();
        await Expect(page.ByTestId("members-panel")).ToBeVisibleAsync();
    }

    private async Task<TestUser> NewUserAsync(string displayName)
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http, ChatPage.NewUsername(displayName.Split(' ')[0].ToLowerInvariant())[..^6]);
        (await fixture.First.Http.SendAsync(user.Request(HttpMethod.Patch, "/api/users/me/profile", new { displayName }))).EnsureSuccessStatusCode();
        return user;
    }
}
