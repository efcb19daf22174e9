using System.Net;
using System.Text.Json;
using Chat.Accounts;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Orleans.Runtime;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class ProfileTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task A_new_profile_has_the_sign_up_display_name_and_empty_fields()
    {
        var user = await TestUser.RegisterAsync(Http);

        var profile = await GetOwnAsync(user);

        Assert.Equal(user.UserId, profile.GetProperty("userId").GetGuid());
        Assert.Equal(user.Username, profile.GetProperty("username").GetString());
        Assert.Equal(user.Username, profile.GetProperty("displayName").GetString());
        Assert.Equal("", profile.GetProperty("bio").GetString());
        Assert.Equal("", profile.GetProperty("statusText").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("avatarFileId").ValueKind);
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_keeps_the_account_display_name_in_sync()
    {
        var user = await TestUser.RegisterAsync(Http);
        var avatar = await new FileRows(fixture.Grid.Database).CompletedAsync(user.UserId, purpose: "avatar");

        var first = await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new { bio = "Writes Orleans grains.", avatarFileId = avatar });
        var second = await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new { displayName = "  Ada Lovelace ", statusText = "in a meeting" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var profile = await GetOwnAsync(user);
        Assert.Equal("Ada Lovelace", profile.GetProperty("displayName").GetString());
        Assert.Equal("Writes Orleans grains.", profile.GetProperty("bio").GetString());
        Assert.Equal("in a meeting", profile.GetProperty("statusText").GetString());
        Assert.Equal(avatar, profile.GetProperty("avatarFileId").GetGuid());
        Assert.Equal("Ada Lovelace", await AccountsDatabase.ScalarAsync<string>(fixture.Grid, "SELECT display_name FROM accounts WHERE user_id = $1", user.UserId));
        var me = await (await fixture.Second.Http.SendAsync(user, HttpMethod.Get, "/api/users/me")).JsonAsync();
        Assert.Equal("Ada Lovelace", me.GetProperty("displayName").GetString());

        var cleared = await (await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = (Guid?)null, bio = "" })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("avatarFileId").ValueKind);
        Assert.Equal("", cleared.GetProperty("bio").GetString());
        Assert.Equal("in a meeting", cleared.GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task The_profile_is_kept_in_grain_storage_across_reactivation()
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new { bio = "survives restarts", statusText = "here" });
        await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy", new { lastSeen = "nobody", profilePhoto = "contacts", readReceipts = "everyone" });

        await fixture.Grid.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var profile = await GetOwnAsync(user);
        var privacy = await (await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy")).JsonAsync();
        Assert.Equal("survives restarts", profile.GetProperty("bio").GetString());
        Assert.Equal("here", profile.GetProperty("statusText").GetString());
        Assert.Equal("nobody", privacy.GetProperty("lastSeen").GetString());
        Assert.Equal("contacts", privacy.GetProperty("profilePhoto").GetString());
        Assert.Equal(1L, await AccountsDatabase.ScalarAsync<long>(fixture.Grid,
            "SELECT count(*) FROM orleansstorage WHERE position(convert_to($1, 'UTF8') in payloadbinary) > 0",
            "survives restarts"));
    }

    public static TheoryData<string, string?> BadPatches => new()
    {
        { "no body", null },
        { "blank displayName", """{"displayName":"   "}""" },
        { "empty displayName", """{"displayName":""}""" },
        { "displayName too long", $$"""{"displayName":"{{new string('d', Limits.MaxDisplayNameChars + 1)}}"}""" },
        { "bio too long", $$"""{"bio":"{{new string('b', Limits.MaxBioChars + 1)}}"}""" },
        { "statusText too long", $$"""{"statusText":"{{new string('s', Limits.MaxStatusTextChars + 1)}}"}""" },
        { "avatarFileId not a UUID", """{"avatarFileId":"not-a-file"}""" },
        { "avatarFileId a number", """{"avatarFileId":42}""" },
        { "avatarFileId the empty UUID", """{"avatarFileId":"00000000-0000-0000-0000-000000000000"}""" },
        { "displayName a number", """{"displayName":7}""" },
        { "a valid field beside a bad one", $$"""{"bio":"fine","statusText":"{{new string('s', Limits.MaxStatusTextChars + 1)}}"}""" },
        { "malformed JSON", """{"bio":""" },
        { "a JSON array", "[]" },
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task Bad_profile_changes_answer_400_and_write_nothing(string why, string? body)
    {
        var user = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new { bio = "before" });
        // This user's rows and what they read back: the whole-database fingerprint also moves with the
        // cluster's own background writes (stream pub-sub state), which made it flaky here.
        var before = await OwnRowsAsync(user);

        var response = await Http.SendRawAsync(user, HttpMethod.Patch, "/api/users/me/profile", body);

        await response.AssertBadRequestAsync(why);
        Assert.Equal(before, await OwnRowsAsync(user));
        Assert.Equal("before", (await GetOwnAsync(user)).GetProperty("bio").GetString());
    }

    private async Task<string> OwnRowsAsync(TestUser user) =>
        await AccountsDatabase.ScalarAsync<string>(fixture.Grid, "SELECT md5(t::text) FROM accounts t WHERE user_id = $1", user.UserId)
        + (await GetOwnAsync(user)).GetRawText();

    [Fact]
    public async Task Limits_are_inclusive()
    {
        var user = await TestUser.RegisterAsync(Http);

        var response = await Http.SendAsync(user, HttpMethod.Patch, "/api/users/me/profile", new
        {
            displayName = new string('d', Limits.MaxDisplayNameChars),
            bio = new string('b', Limits.MaxBioChars),
            statusText = new string('s', Limits.MaxStatusTextChars),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_users_public_profile_is_found_by_id_and_an_unknown_or_malformed_id_is_refused()
    {
        var viewer = await TestUser.RegisterAsync(Http);
        var owner = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { bio = "hello there", statusText = "busy" });
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var found = await Http.SendAsync(viewer, HttpMethod.Get, $"/api/users/{owner.UserId}");
        var unknown = await Http.SendAsync(viewer, HttpMethod.Get, $"/api/users/{Guid.NewGuid()}");
        var malformed = await Http.SendAsync(viewer, HttpMethod.Get, "/api/users/not-a-user");
        var anonymous = await Http.SendRawAsync(null, HttpMethod.Get, $"/api/users/{owner.UserId}", null);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var profile = await found.JsonAsync();
        Assert.Equal(owner.Username, profile.GetProperty("username").GetString());
        Assert.Equal("hello there", profile.GetProperty("bio").GetString());
        Assert.Equal("busy", profile.GetProperty("statusText").GetString());
        Assert.False(profile.TryGetProperty("email", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", await unknown.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("bad_request", await malformed.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    private async Task<JsonElement> GetOwnAsync(TestUser user)
    {
        var response = await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
