using System.Net;
using System.Net.Http.Json;
using Chat.Tests.Accounts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Search.People;

/// <summary>Calls people and conversation search as a test user, and sets up what they find.</summary>
internal static class PeopleSearchApi
{
    /// <summary>A word no other test's names contain, so a query with it finds only this test's users.</summary>
    public static string Tag() => "t" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<IReadOnlyList<Person>> FindPeopleAsync(this GridWithFrontends grid, TestUser caller, string q, int? limit = null)
    {
        var response = await grid.First.Http.SendAsync(caller, HttpMethod.Get, PeoplePath(q, limit));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PeopleBody>())!.People;
    }

    public static async Task<IReadOnlyList<Guid>> FindPeopleIdsAsync(this GridWithFrontends grid, TestUser caller, string q) =>
        [.. (await grid.FindPeopleAsync(caller, q)).Select(p => p.UserId)];

    public static async Task<IReadOnlyList<Found>> FindConversationsAsync(this GridWithFrontends grid, TestUser caller, string q)
    {
        var response = await grid.Second.Http.SendAsync(caller, HttpMethod.Get, $"/api/search/conversations?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConversationsBody>())!.Conversations;
    }

    public static string PeoplePath(string q, int? limit = null) =>
        $"/api/search/people?q={Uri.EscapeDataString(q)}" + (limit is null ? "" : $"&limit={limit}");

    /// <summary>Mutual contacts: each saves the other.</summary>
    public static async Task MakeContactsAsync(this GridWithFrontends grid, TestUser a, TestUser b)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await grid.First.Http.SendAsync(a, HttpMethod.Put, $"/api/users/me/contacts/{b.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await grid.First.Http.SendAsync(b, HttpMethod.Put, $"/api/users/me/contacts/{a.UserId}")).StatusCode);
    }

    public static async Task BlockAsync(this GridWithFrontends grid, TestUser blocker, TestUser blocked) =>
        (await grid.First.Http.SendAsync(blocker, HttpMethod.Post, $"/api/users/me/blocks/{blocked.UserId}")).EnsureSuccessStatusCode();

    public static async Task SetFindByAsync(this GridWithFrontends grid, TestUser user, string? findByEmail = null, string? findByPhone = null) =>
        (await grid.First.Http.SendAsync(user, HttpMethod.Put, "/api/users/me/privacy",
            new { lastSeen = "everyone", profilePhoto = "everyone", readReceipts = "everyone", findByEmail, findByPhone })).EnsureSuccessStatusCode();

    // The search cluster has no mail or SMS sink, so the verified address and number are written as the
    // verification flows write them (those flows have their own tests under Accounts).
    public static Task VerifyEmailAsync(this GridWithFrontends grid, TestUser user) =>
        AccountsDatabase.ScalarAsync<object>(grid.Grid, "UPDATE accounts SET email_verified_at = now() WHERE user_id = $1", user.UserId);

    public static Task VerifyPhoneAsync(this GridWithFrontends grid, TestUser user, string phone) =>
        AccountsDatabase.ScalarAsync<object>(grid.Grid, """
            INSERT INTO account_phones (user_id, phone, verified_at) VALUES ($1, $2, now())
            ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone, verified_at = excluded.verified_at
            """, user.UserId, phone);

    /// <summary>A fresh E.164 number no other test uses.</summary>
    public static string Phone() => "+4915" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    public sealed record Person(Guid UserId, string Username, string DisplayName, Guid? AvatarFileId, string MatchedBy);

    public sealed record Found(Guid ConversationId, string Type, string? Name, Guid? AvatarFileId);

    private sealed record PeopleBody(List<Person> People);

    private sealed record ConversationsBody(List<Found> Conversations);
}
