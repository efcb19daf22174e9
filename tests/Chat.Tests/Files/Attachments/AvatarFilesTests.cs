using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Files.Attachments;

/// <summary>Profile photos and group avatars: the owner's own complete image, made public while in use.</summary>
[Collection(MessagingCollection.Name)]
public sealed class AvatarFilesTests(GridWithFrontends grid)
{
    private readonly FileRows _files = new(grid.Grid.Database);

    [Fact]
    public async Task A_profile_photo_must_be_the_users_own_complete_image_and_replacing_it_makes_the_old_one_private()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var first = await _files.CompletedAsync(alice.UserId, purpose: "avatar");
        var second = await _files.CompletedAsync(alice.UserId, purpose: "message");
        var bobsPhoto = await _files.CompletedAsync(bob.UserId, purpose: "avatar");
        var pdf = await _files.CompletedAsync(alice.UserId, kind: "document", contentType: "application/pdf", name: "cv.pdf", purpose: "avatar");
        var pending = await _files.PendingAsync(alice.UserId);
        var story = await _files.CompletedAsync(alice.UserId, purpose: "story");

        Assert.Equal(HttpStatusCode.NotFound, await SetProfileAvatarAsync(alice, bobsPhoto));
        Assert.Equal(HttpStatusCode.NotFound, await SetProfileAvatarAsync(alice, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, await SetProfileAvatarAsync(alice, pdf));
        Assert.Equal(HttpStatusCode.BadRequest, await SetProfileAvatarAsync(alice, pending));
        Assert.Equal(HttpStatusCode.BadRequest, await SetProfileAvatarAsync(alice, story));
        Assert.Null(await ProfileAvatarAsync(alice, alice.UserId));
        Assert.Equal((false, false), await _files.StateAsync(bobsPhoto));
        Assert.Equal((false, false), await _files.StateAsync(pdf));

        Assert.Equal(HttpStatusCode.OK, await SetProfileAvatarAsync(alice, first));
        Assert.Equal((true, true), await _files.StateAsync(first));
        Assert.Equal(first, await ProfileAvatarAsync(bob, alice.UserId));

        Assert.Equal(HttpStatusCode.OK, await SetProfileAvatarAsync(alice, second));
        Assert.Equal((true, false), await _files.StateAsync(first));
        Assert.Equal((true, true), await _files.StateAsync(second));
        Assert.Equal(second, await ProfileAvatarAsync(bob, alice.UserId));

        Assert.Equal(HttpStatusCode.OK, await SetProfileAvatarAsync(alice, null));
        Assert.Equal((true, false), await _files.StateAsync(second));
        Assert.Null(await ProfileAvatarAsync(bob, alice.UserId));
    }

    [Fact]
    public async Task A_group_avatar_is_set_by_an_admin_shown_in_the_details_and_the_list_and_announced()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "with a face", bob);
        var avatar = await _files.CompletedAsync(alice.UserId, purpose: "avatar");
        var replacement = await _files.CompletedAsync(alice.UserId, purpose: "avatar");
        var bobsPhoto = await _files.CompletedAsync(bob.UserId, purpose: "avatar");
        var clip = await _files.CompletedAsync(alice.UserId, kind: "video", contentType: "video/mp4", name: "clip.mp4", purpose: "avatar");
        await using var bobConnection = await ChatConnection.ConnectAsync(grid.Second.Address, bob);

        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(bob, group.ConversationId, new { avatarFileId = bobsPhoto })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = bobsPhoto })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = clip })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = "not-a-uuid" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(alice, group.ConversationId, new { })).Status);
        Assert.Equal((false, false), await _files.StateAsync(bobsPhoto));

        var (status, info) = await PatchAsync(alice, group.ConversationId, new { avatarFileId = avatar, name = "renamed too" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((avatar, "renamed too"), (info!.AvatarFileId, info.Name));
        Assert.Equal((true, true), await _files.StateAsync(avatar));
        var updated = await bobConnection.NextEventAsync("ConversationUpdated");
        Assert.Equal(avatar, updated.GetProperty("avatarFileId").GetGuid());
        Assert.Equal(avatar, (await GetAsync<ConversationInfo>(bob, $"/api/conversations/{group.ConversationId}")).AvatarFileId);
        var listed = (await GetAsync<List<ConversationListItem>>(bob, "/api/conversations")).Single(c => c.ConversationId == group.ConversationId);
        Assert.Equal(avatar, listed.AvatarFileId);

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = replacement })).Status);
        Assert.Equal((true, false), await _files.StateAsync(avatar));
        Assert.Equal((true, true), await _files.StateAsync(replacement));
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = (Guid?)null })).Status);
        Assert.Equal((true, false), await _files.StateAsync(replacement));
        Assert.Null((await GetAsync<ConversationInfo>(bob, $"/api/conversations/{group.ConversationId}")).AvatarFileId);
    }

    [Fact]
    public async Task A_photo_in_use_as_a_profile_photo_stays_public_when_a_group_stops_using_it()
    {
        var alice = await RegisterAsync();
        var group = await ConversationApi.CreateAsync(grid.First.Http, alice, "group", "shared face");
        var photo = await _files.CompletedAsync(alice.UserId, purpose: "avatar");

        Assert.Equal(HttpStatusCode.OK, await SetProfileAvatarAsync(alice, photo));
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = photo })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(alice, group.ConversationId, new { avatarFileId = (Guid?)null })).Status);

        Assert.Equal((true, true), await _files.StateAsync(photo));
    }

    [Fact]
    public async Task A_direct_conversation_has_no_avatar_of_its_own()
    {
        var (alice, bob) = (await RegisterAsync(), await RegisterAsync());
        var direct = await ConversationApi.CreateAsync(grid.First.Http, alice, "direct", null, bob);
        var photo = await _files.CompletedAsync(alice.UserId, purpose: "avatar");

        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(alice, direct.ConversationId, new { avatarFileId = photo })).Status);
        Assert.Equal((false, false), await _files.StateAsync(photo));
    }

    private async Task<HttpStatusCode> SetProfileAvatarAsync(TestUser user, Guid? fileId)
    {
        using var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Patch, "/api/users/me/profile", new { avatarFileId = fileId }));
        return response.StatusCode;
    }

    private async Task<Guid?> ProfileAvatarAsync(TestUser viewer, Guid userId)
    {
        using var response = await grid.Second.Http.SendAsync(viewer.Request(HttpMethod.Get, $"/api/users/{userId}"));
        response.EnsureSuccessStatusCode();
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
        return profile.GetProperty("avatarFileId").ValueKind == JsonValueKind.Null ? null : profile.GetProperty("avatarFileId").GetGuid();
    }

    private async Task<(HttpStatusCode Status, ConversationInfo? Info)> PatchAsync(TestUser user, Guid conversationId, object body)
    {
        using var response = await grid.First.Http.SendAsync(user.Request(HttpMethod.Patch, $"/api/conversations/{conversationId}", body));
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ConversationInfo>() : null);
    }

    private async Task<T> GetAsync<T>(TestUser user, string path)
    {
        using var response = await grid.Second.Http.SendAsync(user.Request(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private Task<TestUser> RegisterAsync() => TestUser.RegisterAsync(grid.First.Http);
}
