using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Accounts;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class PrivacyTests(AccountsGrid fixture)
{
    private HttpClient Http => fixture.First.Http;

    [Fact]
    public async Task Privacy_defaults_to_everyone_and_put_replaces_all_three_settings()
    {
        var user = await TestUser.RegisterAsync(Http);

        var defaults = await GetPrivacyAsync(user);
        var put = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "contacts", profilePhoto = "nobody", readReceipts = "everyone" });
        var after = await GetPrivacyAsync(user);

        Assert.Equal("everyone", defaults.GetProperty("lastSeen").GetString());
        Assert.Equal("everyone", defaults.GetProperty("profilePhoto").GetString());
        Assert.Equal("everyone", defaults.GetProperty("readReceipts").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("contacts", after.GetProperty("lastSeen").GetString());
        Assert.Equal("nobody", after.GetProperty("profilePhoto").GetString());
        Assert.Equal("everyone", after.GetProperty("readReceipts").GetString());
    }

    public static TheoryData<string, string?> BadSettings => new()
    {
        { "no body", null },
        { "empty object", "{}" },
        { "one missing", """{"lastSeen":"everyone","profilePhoto":"nobody"}""" },
        { "unknown audience", """{"lastSeen":"friends","profilePhoto":"nobody","readReceipts":"everyone"}""" },
        { "wrong case", """{"lastSeen":"Everyone","profilePhoto":"nobody","readReceipts":"everyone"}""" },
        { "null value", """{"lastSeen":null,"profilePhoto":"nobody","readReceipts":"everyone"}""" },
        { "a number", """{"lastSeen":1,"profilePhoto":"nobody","readReceipts":"everyone"}""" },
        { "malformed JSON", """{"lastSeen":""" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_privacy_settings_answer_400_and_write_nothing(string why, string? body)
    {
        var user = await TestUser.RegisterAsync(Http);
        var before = await AccountsDatabase.FingerprintAsync(fixture.Grid);

        var response = await Http.SendRawAsync(user, HttpMethod.Put, "/api/users/me/privacy", body);

        await response.AssertBadRequestAsync(why);
        Assert.Equal(before, await AccountsDatabase.FingerprintAsync(fixture.Grid));
    }

    [Fact]
    public async Task The_avatar_follows_the_profile_photo_setting_for_strangers_contacts_and_the_owner()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var contact = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var avatar = await AvatarFileAsync(owner);
        await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = avatar });
        var direct = await Http.SendAsync(contact, HttpMethod.Post, "/api/conversations", new { type = "direct", memberIds = new[] { owner.UserId } });
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);
        var conversationId = (await direct.JsonAsync()).GetProperty("conversationId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await Http.SendAsync(owner, HttpMethod.Post, $"/api/conversations/{conversationId}/request/accept")).StatusCode);

        var everyone = (await AvatarSeenByAsync(owner, stranger), await AvatarSeenByAsync(owner, contact));
        await SetProfilePhotoAsync(owner, "contacts");
        var contacts = (await AvatarSeenByAsync(owner, stranger), await AvatarSeenByAsync(owner, contact));
        await SetProfilePhotoAsync(owner, "nobody");
        var nobody = (await AvatarSeenByAsync(owner, stranger), await AvatarSeenByAsync(owner, contact), await AvatarSeenByAsync(owner, owner));

        Assert.Equal((avatar, avatar), everyone);
        Assert.Equal(((Guid?)null, avatar), contacts);
        Assert.Equal(((Guid?)null, (Guid?)null, avatar), nobody);
    }

    [Fact]
    public async Task Opening_a_direct_chat_alone_does_not_make_a_contact_both_sides_must_consent()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var stranger = await TestUser.RegisterAsync(Http);
        var saver = await TestUser.RegisterAsync(Http);
        var avatar = await AvatarFileAsync(owner);
        await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = avatar });
        await SetProfilePhotoAsync(owner, "contacts");
        var direct = await Http.SendAsync(stranger, HttpMethod.Post, "/api/conversations", new { type = "direct", memberIds = new[] { owner.UserId } });
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);
        var saved = await Http.SendAsync(saver, HttpMethod.Put, $"/api/users/me/contacts/{owner.UserId}");

        var byOpening = await AvatarSeenByAsync(owner, stranger);
        var bySavingAlone = await AvatarSeenByAsync(owner, saver);
        var savedBack = await Http.SendAsync(owner, HttpMethod.Put, $"/api/users/me/contacts/{saver.UserId}");
        var bySavingBoth = await AvatarSeenByAsync(owner, saver);
        var unsaved = await Http.SendAsync(owner, HttpMethod.Delete, $"/api/users/me/contacts/{saver.UserId}");

        Assert.Null(byOpening);
        Assert.Null(bySavingAlone);
        Assert.Equal(avatar, bySavingBoth);
        Assert.Null(await AvatarSeenByAsync(owner, saver));
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, savedBack.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unsaved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.SendAsync(owner, HttpMethod.Put, $"/api/users/me/contacts/{owner.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.SendAsync(owner, HttpMethod.Put, $"/api/users/me/contacts/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Who_may_add_me_to_groups_is_a_privacy_setting_kept_apart_from_the_other_three()
    {
        var user = await TestUser.RegisterAsync(Http);

        var defaults = await GetPrivacyAsync(user);
        var put = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts = "everyone", groupAdds = "contacts" });
        var withoutIt = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "nobody", profilePhoto = "everyone", readReceipts = "everyone" });
        var bad = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts = "everyone", groupAdds = "friends" });
        var after = await GetPrivacyAsync(user);

        Assert.Equal("everyone", defaults.GetProperty("groupAdds").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutIt.StatusCode);
        await bad.AssertBadRequestAsync("unknown groupAdds");
        Assert.Equal("contacts", after.GetProperty("groupAdds").GetString());
        Assert.Equal("nobody", after.GetProperty("lastSeen").GetString());
    }

    [Fact]
    public async Task Sharing_only_a_group_does_not_make_contacts()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var groupMate = await TestUser.RegisterAsync(Http);
        await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = await AvatarFileAsync(owner) });
        var group = await Http.SendAsync(owner, HttpMethod.Post, "/api/conversations", new { type = "group", name = "team", memberIds = new[] { groupMate.UserId } });
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        await SetProfilePhotoAsync(owner, "contacts");

        Assert.Null(await AvatarSeenByAsync(owner, groupMate));
    }

    [Fact]
    public async Task A_blocked_viewer_sees_no_avatar_and_no_last_seen_even_when_everyone_may()
    {
        var owner = await TestUser.RegisterAsync(Http);
        var blocked = await TestUser.RegisterAsync(Http);
        var avatar = await AvatarFileAsync(owner);
        await Http.SendAsync(owner, HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = avatar });

        Assert.Equal(avatar, await AvatarSeenByAsync(owner, blocked));
        await Http.SendAsync(owner, HttpMethod.Post, $"/api/users/me/blocks/{blocked.UserId}");

        Assert.Null(await AvatarSeenByAsync(owner, blocked));
        var grain = fixture.Grid.Client.GetGrain<IUserGrain>(owner.UserId);
        Assert.False(await grain.CanSeeAsync(PrivacySetting.LastSeen, blocked.UserId));
        Assert.True(await grain.CanSeeAsync(PrivacySetting.LastSeen, Guid.NewGuid()));
        Assert.True(await grain.CanSeeAsync(PrivacySetting.ReadReceipts, owner.UserId));
    }

    private async Task<JsonElement> GetPrivacyAsync(TestUser user)
    {
        var response = await Http.SendAsync(user, HttpMethod.Get, "/api/users/me/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task SetProfilePhotoAsync(TestUser user, string audience)
    {
        var response = await Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = audience, readReceipts = "everyone" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid?> AvatarSeenByAsync(TestUser owner, TestUser viewer)
    {
        var profile = await Http.SendAsync(viewer, HttpMethod.Get, $"/api/users/{owner.UserId}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarFileId").Deserialize<Guid?>();
    }

    // A profile photo is the user's own complete image (Files): written as the uploads leave it.
    private Task<Guid> AvatarFileAsync(TestUser owner) => new FileRows(fixture.Grid.Database).CompletedAsync(owner.UserId, purpose: "avatar");
}
