using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class DataExportTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task An_export_is_a_zip_of_the_users_own_data_and_nobody_elses()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var conversation = await ConversationApi.CreateAsync(Http, alice, "group", "export test", bob);
        await using (var aliceHub = await ChatConnection.ConnectAsync(fixture.First.Address, alice))
        await using (var bobHub = await ChatConnection.ConnectAsync(fixture.First.Address, bob))
        {
            await aliceHub.SendAsync(conversation.ConversationId, "alice wrote this");
            await bobHub.SendAsync(conversation.ConversationId, "bob wrote that");
        }

        var start = await Http.SendAsync(alice, HttpMethod.Post, "/api/users/me/export");
        var exportId = (await start.JsonAsync()).GetProperty("exportId").GetGuid();
        var path = $"/api/users/me/export/{exportId}";
        await Eventually.StatusAsync(HttpStatusCode.OK, () => fixture.Second.Http.SendAsync(alice, HttpMethod.Get, path));
        var ready = await Http.SendAsync(alice, HttpMethod.Get, path);
        var byBob = await Http.SendAsync(bob, HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal("application/zip", ready.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await ready.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Assert.Equal(
            ["account.json", "blocks.json", "bookmarks.json", "conversations.json", "messages.json", "profile.json", "scheduled-messages.json", "sessions.json"],
            files.Keys.Order(StringComparer.Ordinal));
        var messages = JsonDocument.Parse(files["messages.json"]).RootElement;
        Assert.Equal(["alice wrote this"], messages.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.DoesNotContain("bob wrote that", string.Concat(files.Values));
        Assert.Equal(alice.Username, JsonDocument.Parse(files["account.json"]).RootElement.GetProperty("username").GetString());
        Assert.Equal(conversation.ConversationId,
            JsonDocument.Parse(files["conversations.json"]).RootElement[0].GetProperty("conversationId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
        Assert.Equal("not_found", await byBob.ProblemCodeAsync());
    }

    [Fact]
    public async Task Unknown_exports_answer_404_and_bad_ids_400()
    {
        var user = await TestUser.RegisterAsync(Http);

        var unknown = await Http.SendAsync(user, HttpMethod.Get, $"/api/users/me/export/{Guid.NewGuid()}");
        var bad = await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/export/not-a-uuid");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", await unknown.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("bad_request", await bad.ProblemCodeAsync());
    }
}
