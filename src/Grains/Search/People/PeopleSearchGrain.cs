using Chat.Accounts;
using Chat.Conversations;
using Chat.Errors;
using Orleans.Concurrency;

namespace Chat.Search.People;

/// <summary>
/// People and conversation search. A query with an <c>@</c> is an email address and one starting with
/// <c>+</c> a phone number: those are looked up exactly and nothing else (so a partial address or
/// number finds no one), and shown only as the owner's <c>findByEmail</c> / <c>findByPhone</c>
/// setting lets the caller. Any other query (a leading <c>@</c> dropped) matches usernames and display names.
/// </summary>
[StatelessWorker]
internal sealed class PeopleSearchGrain(PeopleSearchStore store) : Grain, IPeopleSearchGrain
{
    public async Task<IReadOnlyList<PersonHit>> FindPeopleAsync(Guid callerId, string query, int limit)
    {
        RequireQuery(query, limit);
        var trimmed = query.Trim();
        var blocks = await GrainFactory.Reference<IUserGrain>(callerId).GetBlockRelationsAsync();
        if (trimmed.Contains('@', StringComparison.Ordinal) && !trimmed.StartsWith('@'))
        {
            var byEmail = await store.FindByEmailAsync(AccountRules.EmailKey(trimmed));
            return await FindExactAsync(callerId, blocks, byEmail, PrivacySetting.FindByEmail, PeopleMatches.Email);
        }

        if (trimmed.StartsWith('+'))
        {
            var phone = PhoneRules.TryNormalize(trimmed);
            var byPhone = phone is null ? null : await store.FindByPhoneAsync(phone);
            return await FindExactAsync(callerId, blocks, byPhone, PrivacySetting.FindByPhone, PeopleMatches.Phone);
        }

        // "@ana" is how a handle is written: a username query, not an address.
        var words = RequireQuery(trimmed.TrimStart('@'), limit);
        var matches = await store.FindByNameAsync(callerId, [.. blocks], words, limit);
        return await Task.WhenAll(matches.Select(match =>
            ToHitAsync(callerId, match.Account, match.ByUsername ? PeopleMatches.Username : PeopleMatches.DisplayName)));
    }

    public async Task<IReadOnlyList<ConversationHit>> FindConversationsAsync(Guid callerId, string query, int limit)
    {
        var words = RequireQuery(query, limit);
        var conversations = await store.ListConversationNamesAsync(callerId);
        return [.. conversations
            .Where(c => c.Type == ConversationTypes.Direct
                ? SearchNames.Match(words, c.OtherUsername ?? "", c.OtherDisplayName ?? "")
                : SearchNames.Match(words, c.Name ?? ""))
            .Take(limit)
            .Select(c => new ConversationHit(c.ConversationId, c.Type, c.Type == ConversationTypes.Direct ? c.OtherDisplayName : c.Name, c.AvatarFileId))];
    }

    private async Task<IReadOnlyList<PersonHit>> FindExactAsync(
        Guid callerId, IReadOnlySet<Guid> blocks, PeopleSearchStore.Account? found, PrivacySetting setting, string matchedBy)
    {
        // The owner's grain refuses across a block it knows of, and the caller's relations are checked
        // here too, so a block on either side counts as nobody.
        if (found is null || found.UserId == callerId || blocks.Contains(found.UserId)
            || !await GrainFactory.Reference<IUserGrain>(found.UserId).CanSeeAsync(setting, callerId))
        {
            return [];
        }

        return [await ToHitAsync(callerId, found, matchedBy)];
    }

    private async Task<PersonHit> ToHitAsync(Guid callerId, PeopleSearchStore.Account account, string matchedBy)
    {
        // Only a person with a photo costs a call: whether the caller may see it is the owner's setting.
        var avatar = account.AvatarFileId is not null
            && await GrainFactory.Reference<IUserGrain>(account.UserId).CanSeeAsync(PrivacySetting.ProfilePhoto, callerId)
            ? account.AvatarFileId
            : null;
        return new PersonHit(account.UserId, account.Username, account.DisplayName, avatar, matchedBy);
    }

    private static IReadOnlyList<string> RequireQuery(string query, int limit)
    {
        if (limit is < 1 or > PeopleSearchLimits.MaxLimit)
        {
            throw ChatException.BadRequest($"limit must be 1 to {PeopleSearchLimits.MaxLimit}");
        }

        var words = query is { Length: <= PeopleSearchLimits.MaxQueryChars } ? SearchNames.QueryWords(query) : [];
        if (words.Count == 0)
        {
            throw ChatException.BadRequest($"q must be 1-{PeopleSearchLimits.MaxQueryChars} characters of text");
        }

        return words;
    }
}
