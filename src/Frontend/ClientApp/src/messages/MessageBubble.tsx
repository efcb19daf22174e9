import { memo, useId } from 'react';
import type { MessageStatus } from '../store/selectors';
import { formatTime } from '../ui/format';
import { ExpiryMark } from './ExpiryMark';
import { MessageActionsMenu } from './MessageActionsMenu';
import type { MessageAction, ReactionView } from './messageAction';
import { ReactionBar } from './ReactionBar';
import { StatusTicks } from './StatusTicks';

/** The message a reply quotes, flattened so memo() compares it cheaply. */
export interface QuoteProps {
  replySeq: number | null;
  replySender: string;
  replyText: string;
}

export interface BubbleProps extends QuoteProps {
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
  /** Sent by the sender's away message, not by them. */
  autoReply: boolean;
  /** A self-destructing message's deletion time. */
  expiresAt: string | null;
  /** Stable per message state (cached by the row builder), so unchanged bubbles skip rendering. */
  reactions: readonly ReactionView[];
  canEdit: boolean;
  canDeleteForEveryone: boolean;
  error?: string;
  onRetry?: (clientMessageId: string) => void;
  onDiscard?: (clientMessageId: string) => void;
  onAction?: (action: MessageAction) => void;
}

/** Scrolls to a quoted message, when it is loaded, and puts focus on it for keyboard users. */
function showMessage(seq: number) {
  const target = document.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"] .bubble`);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
}

/** One message. Content is shown as text, never as HTML. */
export const MessageBubble = memo(function MessageBubble(props: BubbleProps) {
  const { seq, clientMessageId, content, type, sentAt, mine, status, senderName, edited, deleted, error } = props;
  const { replySeq, replySender, replyText, reactions, onAction } = props;
  const contentId = useId();
  return (
    <div
      className={`message-row${mine ? ' mine' : ''}`}
      data-testid="message"
      data-seq={seq ?? undefined}
      data-client-message-id={clientMessageId || undefined}
      data-mine={mine ? 'true' : 'false'}
      data-status={mine && status ? status : undefined}
      data-deleted={deleted ? 'true' : undefined}
    >
      <article className={`bubble${deleted ? ' is-deleted' : ''}${status === 'failed' ? ' is-failed' : ''}`} tabIndex={-1}>
        {senderName && <p className="bubble-sender">{senderName}</p>}
        {props.autoReply && !deleted && (
          <p className="bubble-label" data-testid="message-auto-reply">
            Auto-reply
          </p>
        )}
        {replySeq !== null && !deleted && (
          <button
            type="button"
            className="bubble-quote"
            aria-label={`In reply to ${replySender}: ${replyText}. Show that message`}
            onClick={() => showMessage(replySeq)}
            data-testid="message-quote"
          >
            <span className="quote-sender" data-testid="message-quote-sender">
              {replySender}
            </span>
            <span className="quote-text" data-testid="message-quote-text">
              {replyText}
            </span>
          </button>
        )}
        <p className="bubble-content" id={contentId} data-testid="message-content">
          {deleted ? 'This message was deleted.' : type && type !== 'text' && !content ? `[${type}]` : content}
        </p>
        {seq !== null && !deleted && reactions.length > 0 && onAction && (
          <ReactionBar seq={seq} reactions={reactions} onAction={onAction} />
        )}
        <p className="bubble-meta">
          {edited && !deleted && (
            <span className="muted" data-testid="message-edited">
              edited ·{' '}
            </span>
          )}
          {props.expiresAt && !deleted && <ExpiryMark expiresAt={props.expiresAt} />}
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
      {seq !== null && onAction && (
        <MessageActionsMenu
          seq={seq}
          mine={mine}
          describedBy={contentId}
          deleted={deleted}
          canEdit={props.canEdit}
          canDeleteForEveryone={props.canDeleteForEveryone}
          onAction={onAction}
        />
      )}
    </div>
  );
});
