using System.Net.Http.Json;
using System.Text.Json;
using Chat.Calls;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Calls;

/// <summary>Drives calls through the real hub and API.</summary>
internal static class CallDriver
{
    public static async Task<Guid> StartAsync(ChatConnection caller, Guid conversationId, bool video = false) =>
        (await caller.Hub.InvokeAsync<CallInfo>("StartCall", conversationId, video)).CallId;

    /// <summary>Reads this device's call state events until one has <paramref name="state"/>.</summary>
    public static async Task<JsonElement> NextStateAsync(ChatConnection device, Guid callId, string state, TimeSpan? timeout = null)
    {
        while (true)
        {
            var changed = await device.NextEventAsync("CallStateChanged", timeout);
            if (changed.GetProperty("callId").GetGuid() == callId && changed.GetProperty("state").GetString() == state)
            {
                return changed;
            }
        }
    }

    public static string ParticipantState(JsonElement changed, Guid userId) =>
        changed.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == userId).GetProperty("state").GetString()!;

    public static async Task<string> ErrorOfAsync(Func<Task> invoke)
    {
        var error = await Assert.ThrowsAsync<HubException>(invoke);
        return HubErrors.Code(error);
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, TestUser user, string path) =>
        await http.SendAsync(user.Request(HttpMethod.Get, path));

    public static async Task<List<JsonElement>> HistoryAsync(HttpClient http, TestUser user)
    {
        var response = await GetAsync(http, user, "/api/calls/history");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }
}
