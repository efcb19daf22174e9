using System.Net;
using System.Reflection;
using Chat.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class BlockTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Block_lists_the_user_and_unblock_removes_them()
    {
        var user = await TestUser.RegisterAsync(Http);
        var pest = await TestUser.RegisterAsync(Http);
        var grain = fixture.Grid.Client.GetGrain<IUserGrain>(user.UserId);

        var block = await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{pest.UserId}");
        var listed = await ListAsync(user);
        var hasBlocked = await grain.HasBlockedAsync(pest.UserId);
        var reverse = await fixture.Grid.Client.GetGrain<IUserGrain>(pest.UserId).HasBlockedAsync(user.UserId);
        var unblock = await fixture.Second.Http.SendAsync(user, HttpMethod.Delete, $"/api/users/me/blocks/{pest.UserId}");

        Assert.Equal(HttpStatusCode.NoContent, block.StatusCode);
        var entry = Assert.Single(listed);
        Assert.Equal(pest.UserId, entry.GetProperty("userId").GetGuid());
        Assert.Equal(pest.Username, entry.GetProperty("username").GetString());
        Assert.Equal(pest.Username, entry.GetProperty("displayName").GetString());
        Assert.True(hasBlocked);
        Assert.False(reverse);
        Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);
        Assert.Empty(await ListAsync(user));
        Assert.False(await grain.HasBlockedAsync(pest.UserId));
    }

    [Fact]
    public async Task Blocking_twice_or_unblocking_someone_not_blocked_changes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var pest = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{pest.UserId}");
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var again = await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{pest.UserId}");
        var notBlocked = await Http.SendAsync(user, HttpMethod.Delete, $"/api/users/me/blocks/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, notBlocked.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Single(await ListAsync(user));
    }

    [Fact]
    public async Task Blocking_yourself_an_unknown_user_or_a_malformed_id_answers_400_and_writes_nothing()
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var self = await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{user.UserId}");
        var unknown = await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{Guid.NewGuid()}");
        var malformed = await Http.SendAsync(user, HttpMethod.Post, "/api/users/me/blocks/somebody");
        var malformedUnblock = await Http.SendAsync(user, HttpMethod.Delete, "/api/users/me/blocks/somebody");
        var anonymous = await Http.SendRawAsync(null, HttpMethod.Post, $"/api/users/me/blocks/{user.UserId}", null);

        foreach (var response in new[] { self, unknown, malformed, malformedUnblock })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("bad_request", await response.ProblemCodeAsync());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Empty(await ListAsync(user));
    }

    [Fact]
    public async Task At_most_a_thousand_users_can_be_blocked()
    {
        var user = await TestUser.RegisterAsync(Http);
        var others = await InsertAccountsAsync(Limits.MaxBlockedUsers + 1);
        var grain = fixture.Grid.Client.GetGrain<IUserGrain>(user.UserId);
        foreach (var other in others.Take(Limits.MaxBlockedUsers))
        {
            await grain.BlockAsync(other);
        }

        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);
        var oneMore = await Http.SendAsync(user, HttpMethod.Post, $"/api/users/me/blocks/{others[^1]}");

        Assert.Equal(HttpStatusCode.BadRequest, oneMore.StatusCode);
        Assert.Equal("bad_request", await oneMore.ProblemCodeAsync());
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
        Assert.Equal(Limits.MaxBlockedUsers, (await grain.GetBlockedAsync()).Count);
        Assert.Equal(Limits.MaxBlockedUsers, (await ListAsync(user)).Count);
    }

    [Fact]
    public void HasBlockedAsync_keeps_the_shape_conversations_call()
    {
        var method = typeof(IUserGrain).GetMethod(nameof(IUserGrain.HasBlockedAsync), [typeof(Guid)])!;

        Assert.Equal(typeof(Task<bool>), method.ReturnType);
        Assert.NotNull(method.GetCustomAttribute<Orleans.Concurrency.ReadOnlyAttribute>());
        Assert.Equal("has-blocked", method.GetCustomAttribute<AliasAttribute>()?.Alias);
        Assert.Equal("chat.accounts.user", typeof(IUserGrain).GetCustomAttribute<AliasAttribute>()?.Alias);
    }

    private async Task<List<System.Text.Json.JsonElement>> ListAsync(TestUser user)
    {
        var response = await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/blocks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    /// <summary>Accounts written straight to the table: a thousand sign-ups through the API would spend minutes hashing passwords.</summary>
    private async Task<Guid[]> InsertAccountsAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var names = ids.Select(id => "b" + id.ToString("N")[..20]).ToArray();
        await using var dataSource = fixture.Grid.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO accounts (user_id, username, username_key, email, email_key, password_hash, display_name)
            SELECT id, name, name, name || '@example.test', name || '@example.test', 'not-a-hash', name
            FROM unnest($1::uuid[], $2::text[]) AS t(id, name)
            """);
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(names);
        await command.ExecuteNonQueryAsync();
        return ids;
    }
}
