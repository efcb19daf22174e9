using Chat.Accounts;
using Chat.Errors;
using Chat.Realtime;

namespace Chat.Conversations;

/// <summary>
/// Contacts and message requests, and the block rule every event of a member goes through. A direct
/// conversation is a message request for a member until they consent to the other (they opened it,
/// wrote in it, accepted it or saved the contact); contacts are two members who both consented.
/// </summary>
internal sealed partial class ConversationGrain
{
    // Direct conversations only: which members consented to the other, loaded when first needed.
    private HashSet<Guid>? _consented;

    public async Task AnswerRequestAsync(Guid userId, string answer)
    {
        RequireMember(userId);
        if (state.State.Type != ConversationTypes.Direct)
        {
            throw ChatException.BadRequest("only a direct conversation can be a message request");
        }

        switch (answer)
        {
            case MessageRequestAnswers.Accept:
                await ConsentAsync(userId);
                break;
            case MessageRequestAnswers.Ignore:
                await IgnoreRequestAsync(userId);
                break;
            case MessageRequestAnswers.Block:
                await GrainFactory.Reference<IUserGrain>(userId).BlockAsync(OtherMember(userId));
                await IgnoreRequestAsync(userId);
                break;
            default:
                throw ChatException.BadRequest("answer must be accept, ignore or block");
        }
    }

    public async Task SetContactSavedAsync(Guid userId, Guid contactId, bool saved)
    {
        if (DirectConversationId.For(userId, contactId) != Id || userId == contactId)
        {
            throw ChatException.BadRequest("a contact is another user");
        }

        if (saved)
        {
            await consents.ConsentAsync(userId, contactId);
            _consented?.Add(userId);
        }
        else
        {
            await consents.WithdrawAsync(userId, contactId);
            _consented?.Remove(userId);
        }
    }

    private async Task IgnoreRequestAsync(Guid userId)
    {
        if ((await ConsentedAsync()).Contains(userId))
        {
            throw ChatException.Conflict("not a message request");
        }

        await consents.IgnoreRequestAsync(Id, userId, _lastSeq);
    }

    private async Task<HashSet<Guid>> ConsentedAsync()
    {
        if (_consented is null)
        {
            var pair = _members.Keys.ToArray();
            _consented = await consents.LoadConsentedAsync(pair[0], pair[^1]);
        }

        return _consented;
    }

    /// <summary>Records that a member of a direct conversation consented to the other; once per member.</summary>
    private async Task ConsentAsync(Guid userId)
    {
        if (state.State.Type != ConversationTypes.Direct || (await ConsentedAsync()).Contains(userId))
        {
            return;
        }

        await consents.ConsentAsync(userId, OtherMember(userId));
        _consented!.Add(userId);

        // Reading a request told the sender nothing; accepting it tells them what was read meanwhile.
        var readSeq = _members[userId].ReadSeq;
        if (readSeq > 0 && await ReadReceiptsGoToOthersAsync(userId))
        {
            await PublishFromAsync(userId, new ReadReceiptEvent(Id, userId, readSeq));
        }
    }

    private async Task<bool> HasConsentedAsync(Guid userId) =>
        state.State.Type == ConversationTypes.Direct && (await ConsentedAsync()).Contains(userId);

    private Guid OtherMember(Guid userId) => _members.Keys.First(id => id != userId);

    /// <summary>
    /// Publishes a member's event to the conversation, held back from everyone the member blocked or
    /// was blocked by. Direct conversations refuse such events before they get here.
    /// </summary>
    private async Task PublishFromAsync(Guid actorId, ClientEvent clientEvent)
    {
        IReadOnlyList<Guid>? except = null;
        if (state.State.Type != ConversationTypes.Direct)
        {
            var relations = await GrainFactory.Reference<IUserGrain>(actorId).GetBlockRelationsAsync();
            except = relations.Count == 0 ? null : [.. relations.Where(_members.ContainsKey)];
        }

        await _frontends.PublishAsync(EventAudience.Conversation, Id, clientEvent, except is { Count: > 0 } ? except : null);
    }
}
