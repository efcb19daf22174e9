using System.Net.Http.Json;
using Chat.Tests.Accounts;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The settings screen against a real grid: profile and privacy changes reach the server (and other
/// people), two-factor set up here is asked for at the next sign-in, and a device signed out here
/// loses its session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsBrowserTests(BrowserFixture fixture)
{
    private const string FirefoxOnAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0";

    [Fact]
    public async Task Profile_and_privacy_changes_are_saved_shown_to_others_and_read_back_after_a_reload()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.Second.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var id = conversation.ConversationId.ToString();
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await fixture.NewPageAsync(fixture.Second), "bob");
        try
        {
            await ChatPage.RunAsync([alice, bob], async () =>
            {
                await Task.WhenAll(alice.LogInAsync(aliceUser.Username, aliceUser.Username), bob.LogInAsync(bobUser.Username, bobUser.Username));
                await bob.ConversationItem(id).ClickAsync();
                await Expect(bob.ByTestId("conversation-title")).ToHaveTextAsync(aliceUser.Username);

                await alice.OpenSettingsAsync();
                await Expect(alice.ByTestId("profile-displayname")).ToHaveValueAsync(aliceUser.Username);

                // The server's validation shows as an error, and nothing changes.
                await alice.ByTestId("profile-displayname").FillAsync("   ");
                await alice.ByTestId("profile-save").ClickAsync();
                await Expect(alice.ByTestId("profile-error")).ToContainTextAsync("displayName");
                await Expect(alice.ByTestId("current-user")).ToHaveTextAsync(aliceUser.Username);

                await alice.ByTestId("profile-displayname").FillAsync("Alice Liddell");
                await alice.ByTestId("profile-bio").FillAsync("Down the rabbit hole, back by tea time.");
                await alice.ByTestId("profile-status").FillAsync("Curiouser and curiouser");
                await alice.ByTestId("profile-save").ClickAsync();
                await Expect(alice.ByTestId("profile-saved")).ToHaveTextAsync("Profile saved.");
                await Expect(alice.ByTestId("profile-error")).ToHaveCountAsync(0);
                await Expect(alice.ByTestId("current-user")).ToHaveTextAsync("Alice Liddell");

                await alice.ByTestId("privacy-lastSeen").SelectOptionAsync("nobody");
                await alice.ByTestId("privacy-readReceipts").SelectOptionAsync("contacts");
                await alice.ByTestId("privacy-groupAdds").SelectOptionAsync("nobody");
                await alice.ByTestId("privacy-findByEmail").SelectOptionAsync("contacts");
                await alice.ByTestId("privacy-findByPhone").SelectOptionAsync("nobody");
                await alice.ByTestId("privacy-save").ClickAsync();
                await Expect(alice.ByTestId("privacy-saved")).ToHaveTextAsync("Privacy settings saved.");
                await alice.ScreenshotAsync("settings.png");
                await alice.CloseSettingsAsync();

                // Bob sees the new name once his page loads the conversation again.
                await bob.Page.ReloadAsync();
                await Expect(bob.ByTestId("conversation-title")).ToHaveTextAsync("Alice Liddell");

                // What Alice's page shows after a reload comes from the server.
                await alice.Page.ReloadAsync();
                await Expect(alice.ByTestId("current-user")).ToHaveTextAsync("Alice Liddell");
                await alice.OpenSettingsAsync();
                await Expect(alice.ByTestId("profile-displayname")).ToHaveValueAsync("Alice Liddell");
                await Expect(alice.ByTestId("profile-bio")).ToHaveValueAsync("Down the rabbit hole, back by tea time.");
                await Expect(alice.ByTestId("profile-status")).ToHaveValueAsync("Curiouser and curiouser");
                await Expect(alice.ByTestId("privacy-lastSeen")).ToHaveValueAsync("nobody");
                await Expect(alice.ByTestId("privacy-profilePhoto")).ToHaveValueAsync("everyone");
                await Expect(alice.ByTestId("privacy-readReceipts")).ToHaveValueAsync("contacts");
                await Expect(alice.ByTestId("privacy-groupAdds")).ToHaveValueAsync("nobody");
                await Expect(alice.ByTestId("privacy-findByEmail")).ToHaveValueAsync("contacts");
                await Expect(alice.ByTestId("privacy-findByPhone")).ToHaveValueAsync("nobody");
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page, bob.Page);
        }
    }

    [Fact]
    public async Task Two_factor_turned_on_in_settings_is_required_at_the_next_sign_in()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var page = new ChatPage(
            await fixture.NewPageAsync(fixture.First, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                ColorScheme = ColorScheme.Dark,
            }),
            "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(user.Username, user.Username);
                await page.OpenSettingsAsync();
                await Expect(page.ByTestId("2fa-disable")).ToHaveCountAsync(0); // the server says it is off
                await page.ByTestId("2fa-setup").ClickAsync();
                var secret = (await page.ByTestId("2fa-secret").TextContentAsync())!.Trim();
                Assert.Matches("^[A-Z2-7]{16,}=*$", secret);
                await Expect(page.ByTestId("2fa-uri")).ToContainTextAsync("otpauth://totp/");
                await Expect(page.ByTestId("2fa-uri")).ToContainTextAsync(secret);
                await Expect(page.ByTestId("2fa-code")).ToBeFocusedAsync();
                await page.ScreenshotAsync("settings-phone-dark.png");

                await page.ByTestId("2fa-code").FillAsync(TestTotp.CodeNow(secret));
                await page.ByTestId("2fa-confirm").ClickAsync();
                await Expect(page.ByTestId("2fa-recovery-codes").Locator("li")).ToHaveCountAsync(10);
                await page.ByTestId("2fa-codes-done").ClickAsync();
                await Expect(page.ByTestId("2fa-on")).ToBeVisibleAsync();
                await Expect(page.ByTestId("2fa-recovery-codes")).ToHaveCountAsync(0);
                await page.CloseSettingsAsync();

                await page.ByTestId("logout").ClickAsync();
                await Expect(page.ByTestId("login-login")).ToBeVisibleAsync();

                // The code of the next step: the current one was spent turning two-factor on.
                await page.LogInWithCodeAsync(user.Username, user.Username, () => TestTotp.CodeNow(secret, offset: 1));

                // A fresh page learns from the server that two-factor is on.
                await page.OpenSettingsAsync();
                await Expect(page.ByTestId("2fa-on")).ToBeVisibleAsync();
                await Expect(page.ByTestId("2fa-setup")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    [Fact]
    public async Task A_second_device_is_listed_in_sessions_and_signing_it_out_ends_its_session()
    {
        var user = await TestUser.RegisterAsync(fixture.First.Http);
        var blocked = await TestUser.RegisterAsync(fixture.First.Http);
        (await fixture.First.Http.SendAsync(user.Request(HttpMethod.Post, $"/api/users/me/blocks/{blocked.UserId}"))).EnsureSuccessStatusCode();
        // Only the browsers' sessions remain: the one registration made is ended.
        (await fixture.First.Http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = user.RefreshToken })).EnsureSuccessStatusCode();

        var desktop = new ChatPage(await fixture.NewPageAsync(fixture.First), "desktop");
        var phone = new ChatPage(
            await fixture.NewPageAsync(fixture.Second, new BrowserNewContextOptions { UserAgent = FirefoxOnAndroid }),
            "phone");
        try
        {
            await ChatPage.RunAsync([desktop, phone], async () =>
            {
                // The phone's clock is under the test's control, so its token's lifetime can pass at once.
                await phone.Page.Clock.InstallAsync();
                await desktop.LogInAsync(user.Username, user.Username);
                await phone.LogInAsync(user.Username, user.Username);

                await desktop.OpenSettingsAsync();
                var sessions = desktop.ByTestId("session-item");
                await Expect(sessions).ToHaveCountAsync(2);
                await Expect(sessions.Filter(new() { Has = desktop.ByTestId("session-current") })).ToHaveAttributeAsync("data-current", "true");
                var phoneRow = sessions.Filter(new() { HasText = "Firefox on Android" });
                await Expect(phoneRow).ToHaveAttributeAsync("data-current", "false");

                await phoneRow.GetByTestId("session-revoke").ClickAsync();
                await Expect(sessions).ToHaveCountAsync(1);
                await desktop.ByTestId("sessions-refresh").ClickAsync();
                await Expect(sessions).ToHaveCountAsync(1);
                await Expect(sessions).ToHaveAttributeAsync("data-current", "true");

                // The phone's socket closes and its token is refused at once; its refresh is refused too and
                // it is back at sign-in.
                await phone.Page.Clock.FastForwardAsync("20:00");
                await Expect(phone.ByTestId("login-login")).ToBeVisibleAsync();

                // The blocked list, and unblocking, as the server sees it.
                var blockedRows = desktop.ByTestId("blocked-item");
                await Expect(blockedRows).ToHaveCountAsync(1);
                await Expect(blockedRows).ToContainTextAsync("@" + blocked.Username);
                await blockedRows.GetByRole(AriaRole.Button, new() { Name = $"Unblock {blocked.Username}" }).ClickAsync();
                await Expect(blockedRows).ToHaveCountAsync(0);
                // The page keeps its access token in memory only: take one through the refresh cookie, as a reload does.
                var response = await desktop.Page.EvaluateAsync<int>("""
                    async () => {
                      const refresh = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Refresh-Cookie': '1' }, body: '{}' });
                      const { accessToken } = await refresh.json();
                      return (await (await fetch('/api/users/me/blocks', { headers: { Authorization: 'Bearer ' + accessToken } })).json()).length;
                    }
                    """);
                Assert.Equal(0, response);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(desktop.Page, phone.Page);
        }
    }
}
