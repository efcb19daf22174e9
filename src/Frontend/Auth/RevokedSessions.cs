using System.Collections.Concurrent;
using Chat.Accounts;

namespace Chat.Frontend.Auth;

/// <summary>
/// The sessions revoked recently enough that access tokens issued for them may still be unexpired,
/// in memory on every Frontend, so that refusing them costs a lookup and no database round trip. Fed
/// by <see cref="Realtime.RevokedSessionsFeed"/>; each is kept one token lifetime (plus the accepted
/// clock skew) past the moment this Frontend learned of it.
/// </summary>
public sealed class RevokedSessions(AccessTokenIssuer tokens, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _keepUntil = new();

    public int Count => _keepUntil.Count;

    public bool IsRevoked(Guid? sessionId) => sessionId is { } id && _keepUntil.ContainsKey(id);

    /// <summary>Records revoked sessions; returns those this Frontend did not know of yet.</summary>
    public List<RevokedSession> Add(IEnumerable<RevokedSession> sessions)
    {
        var keepUntil = time.GetUtcNow() + tokens.Lifetime + AccessTokenIssuer.ClockSkew;
        var fresh = new List<RevokedSession>();
        foreach (var session in sessions)
        {
            if (_keepUntil.TryAdd(session.SessionId, keepUntil))
            {
                fresh.Add(session);
            }
        }

        return fresh;
    }

    /// <summary>Forgets the sessions whose every access token has expired by now.</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (sessionId, keepUntil) in _keepUntil)
        {
            if (keepUntil < now)
            {
                _keepUntil.TryRemove(sessionId, out _);
            }
        }
    }
}
