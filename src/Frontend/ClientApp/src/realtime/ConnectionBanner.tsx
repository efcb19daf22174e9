import { useChatState } from '../store/ChatContext';

/** "Reconnecting…" while the hub is not connected; the live region is always present. */
export function ConnectionBanner() {
  const connection = useChatState((s) => s.connection);
  const everConnected = useChatState((s) => s.everConnected);
  const outboxCount = useChatState((s) => s.outbox.filter((item) => item.status === 'pending').length);
  const connected = connection === 'connected';
  return (
    <div className="banner-region" role="status" aria-live="polite">
      {!connected && (
        <div className="connection-banner" data-testid="connection-banner" data-state={connection}>
          <span className="spinner" aria-hidden="true" />
          <span>{everConnected ? 'Reconnecting…' : 'Connecting…'}</span>
          {outboxCount > 0 && (
            <span className="banner-note">
              {outboxCount === 1 ? '1 message waiting to send' : `${outboxCount} messages waiting to send`}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
