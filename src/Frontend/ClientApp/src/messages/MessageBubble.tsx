import { memo } from 'react';
import type { MessageStatus } from '../store/selectors';
import { formatTime } from '../ui/format';
import { StatusTicks } from './StatusTicks';

export interface BubbleProps {
  seq: number | null;
  clientMessageId: string;
  content: string;
  type: string;
  sentAt: string;
  mine: boolean;
  status: MessageStatus | null;
  senderName: string | null;
  edited: boolean;
  deleted: boolean;
  error?: string;
  onRetry?: (clientMessageId: string) => void;
  onDiscard?: (clientMessageId: string) => void;
}

/** One message. Content is shown as text, never as HTML. */
export const MessageBubble = memo(function MessageBubble(props: BubbleProps) {
  const { seq, clientMessageId, content, type, sentAt, mine, status, senderName, edited, deleted, error } = props;
  return (
    <div
      className={`message-row${mine ? ' mine' : ''}`}
      data-testid="message"
      data-seq={seq ?? undefined}
      data-client-message-id={clientMessageId || undefined}
      data-mine={mine ? 'true' : 'false'}
      data-status={mine && status ? status : undefined}
    >
      <article className={`bubble${deleted ? ' is-deleted' : ''}${status === 'failed' ? ' is-failed' : ''}`}>
        {senderName && <p className="bubble-sender">{senderName}</p>}
        <p className="bubble-content" data-testid="message-content">
          {deleted ? 'This message was deleted.' : type && type !== 'text' && !content ? `[${type}]` : content}
        </p>
        <p className="bubble-meta">
          {edited && !deleted && <span className="muted">edited · </span>}
          <time dateTime={sentAt}>{formatTime(sentAt)}</time>
          {mine && status && <StatusTicks status={status} />}
        </p>
        {status === 'failed' && (
          <p className="bubble-failed" role="alert">
            <span>Not sent{error ? `: ${error}` : ''}.</span>{' '}
            <button type="button" className="link-button" onClick={() => props.onRetry?.(clientMessageId)}>
              Retry
            </button>{' '}
            <button type="button" className="link-button" onClick={() => props.onDiscard?.(clientMessageId)}>
              Discard
            </button>
          </p>
        )}
      </article>
    </div>
  );
});
