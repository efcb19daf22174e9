using System.Net;
using System.Net.Http.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class AccountDeletionTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Deleting_erases_the_account_revokes_its_sessions_frees_its_names_and_keeps_its_messages()
    {
        var alice = await TestUser.RegisterAsync(Http);
        var bob = await TestUser.RegisterAsync(Http);
        var otherDevice = (await (await Http.LoginAsync(alice)).Content.ReadFromJsonAsync<TestUser.TokenBody>())!;
        (await Http.SendAsync(alice, HttpMethod.Patch, "/api/users/me/profile", new { bio = "my secret bio" })).EnsureSuccessStatusCode();
        // The group comes first: nobody adds someone who blocked them.
        var conversation = await ConversationApi.CreateAsync(Http, bob, "group", "friends", alice);
        (await Http.SendAsync(alice, HttpMethod.Post, $"/api/users/me/blocks/{bob.UserId}")).EnsureSuccessStatusCode();
        await using (var connection = await ChatConnection.ConnectAsync(fixture.First.Address, alice))
        {
            await connection.SendAsync(conversation.ConversationId, "hello from alice");
        }

        var delete = await Http.SendAsync(alice, HttpMethod.Delete, "/api/users/me", new { password = alice.Password });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.LoginAsync(alice)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = alice.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = otherDevice.RefreshToken })).StatusCode);
        var profile = await (await Http.SendAsync(bob, HttpMethod.Get, $"/api/users/{alice.UserId}")).JsonAsync();
        Assert.Equal("Deleted user", profile.GetProperty("displayName").GetString());
        Assert.Equal("", profile.GetProperty("bio").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(bob, HttpMethod.Get, $"/api/users/by-username/{alice.Username}")).StatusCode);
        Assert.Equal(1L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid, "SELECT count(*) FROM messages WHERE sender_id = $1", alice.UserId));
        Assert.Equal("Deleted user", await AccountsDatabase.ScalarAsync<string>(fixture.Grid, "SELECT display_name FROM accounts WHERE user_id = $1", alice.UserId));
        Assert.Equal(0L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM accounts WHERE user_id = $1 AND (email LIKE '%@%' OR username = $2)", alice.UserId, alice.Username));
        Assert.Equal(0L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM orleansstorage WHERE position(convert_to('my secret bio', 'UTF8') in payloadbinary) > 0"));

        var again = await Http.PostAsJsonAsync("/api/auth/register",
            new { username = alice.Username, email = $"{alice.Username}@example.test", password = TestUser.DefaultPassword });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_answers_403_and_writes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var delete = await Http.SendAsync(user, HttpMethod.Delete, "/api/users/me", new { password = "not-the-password-1" });

        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("forbidden", await delete.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(HttpStatusCode.OK, (await Http.LoginAsync(user)).StatusCode);
    }

    public static TheoryData<string, object?> BadDeletes => new()
    {
        { "no body", null },
        { "no password", new { } },
        { "empty password", new { password = "" } },
        { "too long password", new { password = new string('p', 129) } },
        { "too long totpCode", new { password = "whatever-password", totpCode = new string('1', 65) } },
    };

    [Theory]
    [MemberData(nameof(BadDeletes))]
    public async Task Malformed_deletes_answer_400_and_write_nothing(string why, object? body)
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var delete = await Http.SendAsync(user, HttpMethod.Delete, "/api/users/me", body);

        await delete.AssertBadRequestAsync(why);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task Without_a_token_delete_answers_401()
    {
        var delete = await Http.SendRawAsync(null, HttpMethod.Delete, "/api/users/me", null);

        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }
}
