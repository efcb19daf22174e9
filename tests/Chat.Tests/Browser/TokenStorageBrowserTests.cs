using Chat.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>No token where a script can read it: the access token in memory, the refresh token in an HttpOnly cookie.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TokenStorageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task After_sign_in_no_token_is_in_web_storage_or_readable_cookies_and_a_reload_still_signs_in()
    {
        var alice = await TestUser.RegisterAsync(fixture.First.Http, displayName: "Alice");
        var page = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([page], async () =>
            {
                await page.LogInAsync(alice.Username, "Alice");
                await AssertNoTokenReadableAsync(page);

                await page.Page.ReloadAsync();
                await Expect(page.Page.GetByTestId("current-user")).ToHaveTextAsync("Alice");
                await AssertNoTokenReadableAsync(page);

                var cookies = await page.Page.Context.CookiesAsync();
                var refresh = Assert.Single(cookies, c => c.Name == "chat_refresh" && c.Path == "/api/auth/refresh");
                Assert.True(refresh.HttpOnly);
                Assert.True(refresh.Secure);
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(page.Page);
        }
    }

    private static async Task AssertNoTokenReadableAsync(ChatPage page)
    {
        var stored = await page.Page.EvaluateAsync<string>(
            "() => JSON.stringify([Object.values(localStorage), Object.values(sessionStorage), document.cookie])");
        Assert.DoesNotContain("eyJ", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("accessToken", stored, StringComparison.Ordinal);
    }
}
