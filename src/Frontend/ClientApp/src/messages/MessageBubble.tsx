import { UserAvatar } from '../files/UserAvatar';
import { memo, useId } from 'react';
import type { FileInfo } from '../api/files';
import { MessageMedia } from '../files/MessageMedia';
import type { MessageStatus } from '../store/selectors';
import { formatTime } from '../ui/format';
import { ExpiryMark } from './ExpiryMark';
import { MessageText } from './markdown/MessageText';
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
  /** A media message's files (metadata.files, or the outbox's copy while unsent); stable per message. */
  files: readonly FileInfo[];
  sentAt: string;
  mine: boolean;
  status: MessageStatus | null;
  /** Shown on the first message of a run of one sender's messages (groups and channels, others only). */
  senderName: string | null;
  /** Others' messages in groups and channels, for the avatar beside a run; null where no avatar is shown. */
  senderId: string | null;
  /** The first and last message of a run: the avatar sits at the first, the time shows at the last (else on hover). */
  runStart: boolean;
  runEnd: boolean;
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

function Content({ content, type, deleted, files }: { content: string; type: string; deleted: boolean; files: readonly FileInfo[] }) {
  if (deleted) return <p>This message was deleted.</p>;
  if (files.length > 0) {
    return (
      <>
        <MessageMedia type={type} files={files} />
        {content && <MessageText text={content} />}
      </>
    );
  }
  if (type && type !== 'text' && !content) return <p>[{type}]</p>;
  if (type === 'code') {
    return (
      <pre>
        <code>{content}</code>
      </pre>
    );
  }
  return type === 'text' || !type ? <MessageText text={content} /> : <p>{content}</p>;
}

/**
 * One message, as one of a run of its sender's messages: the run's first shows the sender's name and
 * avatar (in groups), its last the time (the others show it on hover). Text is markdown, never HTML.
 */
export const MessageBubble = memo(function MessageBubble(props: BubbleProps) {
  const { seq, clientMessageId, content, type, sentAt, mine, status, senderName, edited, deleted, error } = props;
  const { replySeq, replySender, replyText, reactions, onAction, senderId, runStart, runEnd } = props;
  const contentId = useId();
  return (
    <div
      className={`message-row${mine ? ' mine' : ''}${runStart ? ' run-start' : ''}${runEnd ? ' run-end' : ''}`}
      data-testid="message"
      data-seq={seq ?? undefined}
      data-client-message-id={clientMessageId || undefined}
      data-mine={mine ? 'true' : 'false'}
      data-status={mine && status ? status : undefined}
      data-deleted={deleted ? 'true' : undefined}
      data-run-start={runStart ? 'true' : 'false'}
      data-run-end={runEnd ? 'true' : 'false'}
    >
      {senderId !== null && (
        <span className="message-avatar" data-testid={runStart ? 'message-avatar' : undefined}>
          {runStart && <UserAvatar userId={senderId} name={senderName ?? ''} />}
        </span>
      )}
      <article className={`bubble${props.files.length && !deleted ? ' has-media' : ''}${deleted ? ' is-deleted' : ''}${status === 'failed' ? ' is-failed' : ''}`} tabIndex={-1}>
        {senderName && runStart && (
          <p className="bubble-sender" data-testid="message-sender">
            {senderName}
          </p>
        )}
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
        <div className="bubble-content" id={contentId} data-testid="message-content">
          <Content content={content} type={type} deleted={deleted} files={props.files} />
        </div>
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
          <time dateTime={sentAt} className={runEnd ? undefined : 'on-hover'} title={new Date(sentAt).toLocaleString()}>
            {formatTime(sentAt)}
          </time>
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
