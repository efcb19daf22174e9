using System.Diagnostics;
using System.Net;

namespace Chat.LoadTest;

/// <summary>Creates (or finds again, from --users-file) the conversations a run uses.</summary>
internal static class ConversationSetup
{
    /// <summary>Conversation i has users i*K .. i*K+K-1; its first member creates it naming the others.</summary>
    public static async Task<GroupRun.Conversation[]> EnsureGroupsAsync(ChatApi api, UserPool pool, List<StoredUser> users, int k, int parallelism)
    {
        var count = users.Count / k;
        var key = $"group:{k}";
        var stored = pool.File.Conversations.TryGetValue(key, out var list) ? list : pool.File.Conversations[key] = [];
        var result = new GroupRun.Conversation[count];
        var created = 0;
        var reused = 0;
        var sw = Stopwatch.StartNew();
        await UserPool.ParallelWithProgress(Enumerable.Range(0, count).ToList(), parallelism, "conversations ready", async i =>
        {
            var members = Enumerable.Range(i * k, k).ToArray();
            var memberIds = members.Select(m => users[m].UserId).ToList();
            var owner = users[members[0]];
            StoredConversation? known;
            lock (stored)
            {
                known = i < stored.Count && stored[i].MemberIds.SequenceEqual(memberIds) ? stored[i] : null;
            }

            var info = known is null ? null : await TryGetAsync(api, owner.AccessToken, known.ConversationId);
            if (info is null)
            {
                info = await api.CreateConversationAsync(owner.AccessToken,
                    new CreateConversationRequest("group", $"load {k} #{i}", memberIds.Skip(1).ToList()));
                lock (stored)
                {
                    while (stored.Count <= i)
                    {
                        stored.Add(new StoredConversation());
                    }

                    stored[i] = new StoredConversation { ConversationId = info.ConversationId, MemberIds = memberIds };
                }

                Interlocked.Increment(ref created);
            }
            else
            {
                Interlocked.Increment(ref reused);
            }

            result[i] = new GroupRun.Conversation(i, info.ConversationId, members, info.LastSeq);
        });
        pool.Save();
        Console.WriteLine($"conversations: {count} of {k} members ({created} created, {reused} reused) in {sw.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    /// <summary>How many member ids one create or add-members request takes (Limits.MaxCreateMemberIds on the server).</summary>
    public const int MaxMemberIdsPerRequest = 255;

    /// <summary>A channel owned by users[0] with users[1..] as subscribers.</summary>
    public static async Task<(Guid Id, long LastSeq)> EnsureChannelAsync(ChatApi api, UserPool pool, List<StoredUser> users)
    {
        var memberIds = users.Select(u => u.UserId).ToList();
        var key = $"channel:{users.Count - 1}";
        var stored = pool.File.Conversations.TryGetValue(key, out var list) ? list : pool.File.Conversations[key] = [];
        if (stored.Count > 0 && stored[0].MemberIds.SequenceEqual(memberIds)
            && await TryGetAsync(api, users[0].AccessToken, stored[0].ConversationId) is { } existing)
        {
            Console.WriteLine($"channel: reusing {existing.ConversationId} ({users.Count - 1} subscribers)");
            return (existing.ConversationId, existing.LastSeq);
        }

        // A create takes at most MaxMemberIdsPerRequest members; the rest are added in batches of as many.
        var subscriberIds = memberIds.Skip(1).ToList();
        var info = await api.CreateConversationAsync(users[0].AccessToken,
            new CreateConversationRequest("channel", $"load channel {users.Count - 1}", subscriberIds.Take(MaxMemberIdsPerRequest).ToList()));
        for (var next = MaxMemberIdsPerRequest; next < subscriberIds.Count; next += MaxMemberIdsPerRequest)
        {
            await api.AddMembersAsync(users[0].AccessToken, info.ConversationId, subscriberIds.Skip(next).Take(MaxMemberIdsPerRequest).ToList());
            Console.Write($"\rchannel: {Math.Min(next + MaxMemberIdsPerRequest, subscriberIds.Count)}/{subscriberIds.Count} subscribers added");
        }

        stored.Clear();
        stored.Add(new StoredConversation { ConversationId = info.ConversationId, MemberIds = memberIds });
        pool.Save();
        Console.WriteLine($"\nchannel: created {info.ConversationId} with {users.Count - 1} subscribers");
        return (info.ConversationId, info.LastSeq);
    }

    private static async Task<ConversationResponse?> TryGetAsync(ChatApi api, string token, Guid id)
    {
        try
        {
            return await api.GetConversationAsync(token, id);
        }
        catch (ApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}
