namespace Chat.Frontend.Realtime;

/// <summary>
/// Who is connected to this Frontend: connections per user, and which local users belong to each
/// conversation. It decides when this Frontend must ask a grain for events (first local interest)
/// and when it can stop (last local interest gone), so pub-sub state never outgrows the sockets.
/// </summary>
public sealed class LocalAudience
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, HashSet<string>> _connectionsByUser = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _usersByConversation = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _conversationsByUser = [];

    /// <summary>Records a connection; true if it is the user's first on this Frontend.</summary>
    public bool AddConnection(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_connectionsByUser.TryGetValue(userId, out var connections))
            {
                _connectionsByUser[userId] = connections = new HashSet<string>(StringComparer.Ordinal);
            }

            connections.Add(connectionId);
            return connections.Count == 1;
        }
    }

    /// <summary>Removes a connection; if it was the user's last, forgets the user and returns the conversations no local user needs any more.</summary>
    public IReadOnlyList<Guid>? RemoveConnection(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_connectionsByUser.TryGetValue(userId, out var connections) || !connections.Remove(connectionId) || connections.Count > 0)
            {
                return null;
            }

            _connectionsByUser.Remove(userId);
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

    /// <summary>The users connected here, each with their connection ids, and the conversations they need.</summary>
    public (Dictionary<Guid, string[]> Users, Guid[] Conversations) Snapshot()
    {
        lock (_lock)
        {
            return (_connectionsByUser.ToDictionary(u => u.Key, u => u.Value.ToArray()), [.. _usersByConversation.Keys]);
        }
    }
}
