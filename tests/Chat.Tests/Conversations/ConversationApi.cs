using System.Net.Http.Json;
using Chat.Conversations;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Conversations;

/// <summary>Creates conversations through the real REST API.</summary>
internal static class ConversationApi
{
    public static async Task<ConversationInfo> CreateAsync(HttpClient http, TestUser creator, string type, string? name, params TestUser[] members)
    {
        var response = await http.SendAsync(creator.Request(HttpMethod.Post, "/api/conversations",
            new { type, name, memberIds = members.Select(m => m.UserId).ToArray() }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConversationInfo>())!;
    }
}
