using System.Net;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.People;

[Collection(SearchCollection.Name)]
public sealed class PrivacyFindByTests(SearchGrid grid)
{
    private HttpClient Http => grid.First.Http;

    [Fact]
    public async Task Find_by_email_and_phone_default_to_everyone_are_shown_and_kept_when_a_put_leaves_them_out()
    {
        var user = await TestUser.RegisterAsync(Http);

        var defaults = await (await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy")).JsonAsync();
        await grid.SetFindByAsync(user, findByEmail: "contacts", findByPhone: "nobody");
        var set = await (await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy")).JsonAsync();
        (await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "nobody", profilePhoto = "everyone", readReceipts = "everyone" })).EnsureSuccessStatusCode();
        var kept = await (await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy")).JsonAsync();

        Assert.Equal(("everyone", "everyone"), (defaults.GetProperty("findByEmail").GetString(), defaults.GetProperty("findByPhone").GetString()));
        Assert.Equal(("contacts", "nobody"), (set.GetProperty("findByEmail").GetString(), set.GetProperty("findByPhone").GetString()));
        Assert.Equal(("contacts", "nobody", "nobody"),
            (kept.GetProperty("findByEmail").GetString(), kept.GetProperty("findByPhone").GetString(), kept.GetProperty("lastSeen").GetString()));
    }

    [Theory]
    [InlineData("findByEmail", "friends")]
    [InlineData("findByPhone", "Everyone")]
    [InlineData("findByEmail", "")]
    public async Task An_unknown_find_by_audience_is_400_and_changes_nothing(string setting, string audience)
    {
        var user = await TestUser.RegisterAsync(Http);
        await grid.SetFindByAsync(user, findByEmail: "contacts", findByPhone: "contacts");

        var response = await Http.SendRawAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            $$"""{"lastSeen":"nobody","profilePhoto":"nobody","readReceipts":"nobody","{{setting}}":"{{audience}}"}""");
        var after = await (await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy")).JsonAsync();

        await response.AssertBadRequestAsync($"{setting}={audience}");
        Assert.Equal(("everyone", "contacts", "contacts"),
            (after.GetProperty("lastSeen").GetString(), after.GetProperty("findByEmail").GetString(), after.GetProperty("findByPhone").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
