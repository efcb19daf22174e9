import { useSyncExternalStore } from 'react';
import { useChatController, useChatState } from '../store/ChatContext';

/**
 * "Reconnecting…" while the hub is not connected, and the server's reason when it closed the
 * connection over a frame it refused (until dismissed); the live region is always present.
 */
export function ConnectionBanner() {
  const hub = useChatController().hub;
  const closeReason = useSyncExternalStore(hub.subscribeCloseReason, hub.getCloseReason);
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
      {closeReason && (
        <div className="connection-banner" data-testid="connection-closed-reason">
          <span>The server closed the connection: {closeReason}</span>
          <button type="button" className="banner-note" onClick={hub.dismissCloseReason}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
