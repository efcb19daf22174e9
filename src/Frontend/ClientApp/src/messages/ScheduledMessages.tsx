import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useChatController } from '../store/ChatContext';
import { CloseIcon } from '../ui/icons';

const when = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The caller's messages waiting to be sent in this conversation, folded into one line above the
 * composer; each can be cancelled. Shows why the server dropped one it could no longer send.
 */
export function ScheduledMessages({ conversationId }: { conversationId: string }) {
  const controller = useChatController();
  const scheduled = controller.scheduled;
  const view = useSyncExternalStore(scheduled.subscribe, () => scheduled.view(conversationId));
  const connected = useSyncExternalStore(controller.store.subscribe, () => controller.store.getState().connection === 'connected');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    setOpen(false);
    setError(null);
  }, [conversationId]);

  useEffect(() => {
    if (connected) scheduled.load(conversationId).catch(() => undefined);
  }, [scheduled, conversationId, connected]);

  async function cancel(scheduledId: string) {
    setError(null);
    try {
      await scheduled.cancel(conversationId, scheduledId);
    } catch (err) {
      setError(`Could not cancel it: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const items = view.items ?? [];
  if (items.length === 0 && !view.failure && !error) return null;
  return (
    <div className="scheduled" data-testid="scheduled">
      {view.failure && (
        <p className="form-error scheduled-failure" role="alert" data-testid="scheduled-failed">
          A scheduled message was not sent: {view.failure}.{' '}
          <button type="button" className="link-button" onClick={() => scheduled.dismissFailure(conversationId)}>
            Dismiss
          </button>
        </p>
      )}
      {items.length > 0 && (
        <button
          type="button"
          className="scheduled-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
          data-testid="scheduled-toggle"
        >
          {items.length === 1 ? '1 scheduled message' : `${items.length} scheduled messages`}
        </button>
      )}
      {open && items.length > 0 && (
        <ul id={listId} className="scheduled-list" data-testid="scheduled-list">
          {items.map((item) => (
            <li key={item.scheduledId} className="scheduled-item" data-testid="scheduled-item">
              <time dateTime={item.sendAt} className="scheduled-time">
                {when.format(new Date(item.sendAt))}
              </time>
              <span className="scheduled-text" data-testid="scheduled-text">
                {item.content}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Cancel scheduled message: ${item.content}`}
                title="Cancel"
                onClick={() => void cancel(item.scheduledId)}
                data-testid="scheduled-cancel"
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
