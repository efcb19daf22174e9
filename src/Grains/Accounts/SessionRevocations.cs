using Microsoft.Extensions.Logging;

namespace Chat.Accounts;

/// <summary>Announces sessions just revoked in Postgres to every Frontend; best effort, as Frontends also read revocations back.</summary>
internal static partial class SessionRevocations
{
    public static async Task AnnounceAsync(IGrainFactory grains, IReadOnlyList<RevokedSession> sessions, ILogger logger)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        try
        {
            await grains.Reference<IRevokedSessionsGrain>(0).PublishAsync(sessions);
        }
        catch (Exception ex)
        {
            LogAnnounceFailed(logger, ex, sessions.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing {Count} revoked sessions failed; Frontends learn them from their next backstop read")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, int count);
}
