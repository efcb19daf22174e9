using Microsoft.AspNetCore.SignalR;

namespace Chat.Frontend.Realtime;

/// <summary>
/// Who is connected to this Frontend: the sockets of each user, and which local users belong to
/// each conversation. Events are written straight to these sockets (no SignalR group per user).
/// It also decides when this Frontend must ask a grain for events (first local interest) and when
/// it can stop (last local interest gone), so pub-sub state never outgrows the sockets.
/// </summary>
public sealed class LocalAudience
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, HubConnectionContext[]> _connectionsByUser = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _usersByConversation = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _conversationsByUser = [];
    private readonly HashSet<Guid> _joinPending = [];

    /// <summary>Records a socket of a user, before the hub's <c>OnConnectedAsync</c> runs.</summary>
    public void AddConnection(Guid userId, HubConnectionContext connection)
    {
        lock (_lock)
        {
            if (_connectionsByUser.TryGetValue(userId, out var connections))
            {
                _connectionsByUser[userId] = [.. connections, connection];
            }
            else
            {
                _connectionsByUser[userId] = [connection];
                _joinPending.Add(userId);
            }
        }
    }

    /// <summary>
    /// Removes a socket (a second call does nothing); if it was the user's last, forgets the user and
    /// returns the conversations no local user needs any more.
    /// </summary>
    public IReadOnlyList<Guid>? RemoveConnection(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_connectionsByUser.TryGetValue(userId, out var connections) || !connections.Any(c => c.ConnectionId == connectionId))
            {
                return null;
            }

            if (connections.Length > 1)
            {
                _connectionsByUser[userId] = [.. connections.Where(c => c.ConnectionId != connectionId)];
                return null;
            }

            _connectionsByUser.Remove(userId);
            _joinPending.Remove(userId);
            var orphaned = new List<Guid>();
            if (_conversationsByUser.Remove(userId, out var conversations))
            {
                foreach (var conversationId in conversations)
                {
                    var users = _usersByConversation[conversationId];
                    users.Remove(userId);
                    if (users.Count == 0)
                    {
                        _usersByConversation.Remove(conversationId);
                        orphaned.Add(conversationId);
                    }
                }
            }

            return orphaned;
        }
    }

    /// <summary>
    /// True once per arrival of a user (their first socket here): the caller then joins the user's
    /// conversations. Events that join one meanwhile (<c>ConversationAdded</c>) do not count.
    /// </summary>
    public bool TakeJoinPending(Guid userId)
    {
        lock (_lock)
        {
            return _joinPending.Remove(userId);
        }
    }

    /// <summary>Records that a connected user belongs to these conversations; returns those new to this Frontend.</summary>
    public IReadOnlyList<Guid> Join(Guid userId, IEnumerable<Guid> conversationIds)
    {
        var added = new List<Guid>();
        lock (_lock)
        {
            if (!_connectionsByUser.ContainsKey(userId))
            {
                return added;
            }

            var mine = _conversationsByUser.TryGetValue(userId, out var set) ? set : _conversationsByUser[userId] = [];
            foreach (var conversationId in conversationIds)
            {
                mine.Add(conversationId);
                if (!_usersByConversation.TryGetValue(conversationId, out var users))
                {
                    _usersByConversation[conversationId] = users = [];
                    added.Add(conversationId);
                }

                users.Add(userId);
            }
        }

        return added;
    }

    /// <summary>A connected user is no longer a member; returns true if no local user needs the conversation any more.</summary>
    public bool Leave(Guid userId, Guid conversationId)
    {
        lock (_lock)
        {
            _conversationsByUser.GetValueOrDefault(userId)?.Remove(conversationId);
            if (!_usersByConversation.TryGetValue(conversationId, out var users) || !users.Remove(userId) || users.Count > 0)
            {
                return false;
            }

            _usersByConversation.Remove(conversationId);
            return true;
        }
    }

    public IReadOnlyList<Guid> UsersIn(Guid conversationId)
    {
        lock (_lock)
        {
            return _usersByConversation.TryGetValue(conversationId, out var users) ? [.. users] : [];
        }
    }

    /// <summary>The sockets of the local members of a conversation.</summary>
    public List<HubConnectionContext> ConnectionsIn(Guid conversationId, IReadOnlyList<Guid>? exceptUserIds = null)
    {
        lock (_lock)
        {
            if (!_usersByConversation.TryGetValue(conversationId, out var users))
            {
                return [];
            }

            return exceptUserIds is null ? SocketsOf(users) : SocketsOf(users.Where(id => !exceptUserIds.Contains(id)));
        }
    }

    /// <summary>The sockets of these users, those connected here.</summary>
    public List<HubConnectionContext> ConnectionsOf(IEnumerable<Guid> userIds)
    {
        lock (_lock)
        {
            return SocketsOf(userIds);
        }
    }

    private List<HubConnectionContext> SocketsOf(IEnumerable<Guid> userIds)
    {
        var found = new List<HubConnectionContext>();
        foreach (var userId in userIds)
        {
            found.AddRange(_connectionsByUser.GetValueOrDefault(userId) ?? []);
        }

        return found;
    }

    /// <summary>The users connected here, each with their connection ids, and the conversations they need.</summary>
    public (Dictionary<Guid, string[]> Users, Guid[] Conversations) Snapshot()
    {
        lock (_lock)
        {
            return (_connectionsByUser.ToDictionary(u => u.Key, u => u.Value.Select(c => c.ConnectionId).ToArray()), [.. _usersByConversation.Keys]);
        }
    }
}
