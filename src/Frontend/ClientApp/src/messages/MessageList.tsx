import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useChatController, useChatState } from '../store/ChatContext';
import { shownMessages } from '../store/historyWindow';
import type { ConversationState } from '../store/types';
import { formatDay } from '../ui/format';
import { buildRows } from './buildRows';
import { JumpToLatest } from './JumpToLatest';
import { MessageBubble } from './MessageBubble';
import type { MessageAction } from './messageAction';
import { useUnreadMark } from './useUnreadMark';

const LOAD_OLDER_WITHIN_PX = 200;
const AT_BOTTOM_WITHIN_PX = 64;
const LOAD_NEWER_WITHIN_PX = 200;
/** How long a message opened from search stays marked. */
const FOCUS_MARK_MS = 4000;
const noOutbox: never[] = [];

/**
 * The history as a live log; scrolling up loads older pages while keeping the view steady. New messages
 * keep the view at the bottom, unless the reader scrolled up: then a button jumps back and counts them.
 * Opened at a search hit far back, it shows a window of history instead (scrolling down pages newer,
 * the button returns to live) and brings the hit into view, marked for a moment.
 */
export function MessageList({ conversation, onAction }: {
  conversation: ConversationState;
  /** Must be stable (useCallback): every bubble gets it. */
  onAction: (action: MessageAction) => void;
}) {
  const controller = useChatController();
  const myUserId = useChatState((s) => s.myUserId);
  const users = useChatState((s) => s.users);
  const outbox = useChatState((s) => s.outbox);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef({ id: '', first: '', last: '', count: 0, height: 0, focusToken: 0 });
  const unreadAfterSeq = useUnreadMark(conversation);
  /** Null at the bottom; scrolled up, the newest seq there was when the reader left the bottom. */
  const [scrolledUpAt, setScrolledUpAt] = useState<number | null>(null);

  const historyWindow = conversation.window;
  const windowed = historyWindow !== null;
  // A window shows only its stretch; unsent messages belong to the live end.
  const shown = useMemo(
    () => (conversation.window ? { ...conversation, messages: shownMessages(conversation) } : conversation),
    [conversation],
  );
  const rows = useMemo(
    () => buildRows(shown, windowed ? noOutbox : outbox, { myUserId, members: conversation.members, users }, { unreadAfterSeq }),
    [shown, windowed, outbox, myUserId, conversation.members, users, unreadAfterSeq],
  );

  const { id } = conversation;
  const hasMoreOlder = historyWindow ? historyWindow.hasOlder : conversation.hasMoreOlder;
  const historyLoading = historyWindow ? historyWindow.loadingOlder : conversation.historyLoading;
  const historyLoaded = conversation.historyLoaded;
  const historyError = historyWindow ? historyWindow.error : conversation.historyError;
  const hasNewer = historyWindow?.hasNewer ?? false;
  const loadingNewer = historyWindow?.loadingNewer ?? false;
  const loadOlder = useCallback(() => {
    if (hasMoreOlder && !historyLoading && historyLoaded) void controller.loadOlder(id);
  }, [controller, id, hasMoreOlder, historyLoading, historyLoaded]);
  const loadNewer = useCallback(() => {
    if (hasNewer && !loadingNewer) void controller.windows.loadNewer(id);
  }, [controller, id, hasNewer, loadingNewer]);

  const retry = useCallback((cid: string) => controller.retryMessage(cid), [controller]);
  const discard = useCallback((cid: string) => controller.discardMessage(cid), [controller]);

  const messageRows = rows.filter((row) => row.kind === 'message');
  const firstKey = messageRows[0]?.key ?? '';
  const lastRow = messageRows[messageRows.length - 1];
  const lastKey = lastRow?.key ?? '';

  // Keep the reader's place: stick to the bottom for new messages, hold still when older ones are prepended.
  const focus = conversation.focus;
  const markTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    let focusToken = before.focusToken;
    const target = focus && focus.token !== before.focusToken ? findMessage(el, focus.seq) : null;
    if (focus && target) {
      // A search hit: in the middle of the view, marked (an attribute React never sets, so it survives renders).
      focusToken = focus.token;
      target.scrollIntoView({ block: 'center' });
      el.querySelectorAll('[data-search-target]').forEach((other) => other.removeAttribute('data-search-target'));
      target.setAttribute('data-search-target', 'true');
      clearTimeout(markTimer.current);
      markTimer.current = setTimeout(() => target.removeAttribute('data-search-target'), FOCUS_MARK_MS);
      atBottom.current = !windowed && isAtBottom(el);
    } else if (before.id !== id || before.count === 0) {
      // Opening with unread messages: start at the divider when they do not all fit.
      const divider = el.querySelector<HTMLElement>('.unread-divider');
      const offset = divider ? divider.getBoundingClientRect().top - el.getBoundingClientRect().top - 8 : Infinity;
      el.scrollTop = Math.min(el.scrollTop + offset, el.scrollHeight);
      atBottom.current = isAtBottom(el);
    } else if (lastKey !== before.last) {
      // In a window a newer page lands below the reader, who stays where they are.
      const mineNewest = lastRow?.kind === 'message' && lastRow.props.mine;
      if (!windowed && (atBottom.current || mineNewest)) el.scrollTop = el.scrollHeight;
    } else if (firstKey !== before.first) {
      el.scrollTop += el.scrollHeight - before.height;
    } else if (atBottom.current && !windowed) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { id, first: firstKey, last: lastKey, count: messageRows.length, height: el.scrollHeight, focusToken };
  });
  useLayoutEffect(() => () => clearTimeout(markTimer.current), []);

  // A short first page does not fill the view, so no scroll event would ever ask for more.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollHeight <= el.clientHeight + LOAD_OLDER_WITHIN_PX) {
      loadOlder();
      loadNewer();
    }
  }, [loadOlder, loadNewer, rows.length]);

  // A new conversation starts at the bottom; the jump button follows the reader's position from there.
  useLayoutEffect(() => setScrolledUpAt(null), [id]);

  const lastSeq = conversation.lastSeq;
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = isAtBottom(el);
    setScrolledUpAt((at) => (atBottom.current ? null : (at ?? lastSeq)));
    if (el.scrollTop < LOAD_OLDER_WITHIN_PX) loadOlder();
    if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_NEWER_WITHIN_PX) loadNewer();
  };

  const jumpToLatest = () => {
    const el = scroller.current;
    if (!el) return;
    if (windowed) {
      // The live end replaces the window; the layout effect then sticks to its bottom.
      atBottom.current = true;
      setScrolledUpAt(null);
      controller.windows.returnToLive(id);
      el.focus({ preventScroll: true });
      return;
    }
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
  };

  const newSinceScrolledUp =
    scrolledUpAt === null ? 0 : conversation.messages.filter((m) => m.seq > scrolledUpAt && m.senderId !== myUserId).length;

  return (
    <div className="message-viewport">
      <div
        className="message-scroller"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Message history"
      >
        <div className="history-slot">
          {historyLoading ? (
            <p className="history-note muted">Loading earlier messages…</p>
          ) : historyError ? (
            <p className="history-note form-error">
              {historyError}{' '}
              <button type="button" className="link-button" onClick={() => void controller.loadOlder(id)}>
                Try again
              </button>
            </p>
          ) : historyLoaded && messageRows.length === 0 ? (
            <p className="history-note muted">No messages yet. Say hello!</p>
          ) : historyLoaded && !hasMoreOlder ? (
            <p className="history-note muted">Start of the conversation</p>
          ) : null}
        </div>
        <div
          className="message-log"
          role="log"
          aria-live="polite"
          aria-relevant="additions"
          aria-label="Messages"
          aria-busy={historyLoading}
          data-testid="message-list"
        >
          {rows.map((row) =>
            row.kind === 'day' ? (
              <p key={row.key} className="day-separator" data-testid="day-separator">
                <span>{formatDay(row.iso)}</span>
              </p>
            ) : row.kind === 'unread' ? (
              <p key={row.key} className="unread-divider" data-testid="unread-divider">
                <span>New messages</span>
              </p>
            ) : (
              <MessageBubble key={row.key} {...row.props} onRetry={retry} onDiscard={discard} onAction={onAction} />
            ),
          )}
        </div>
        {windowed && (
          <div className="history-slot">
            {loadingNewer ? <p className="history-note muted">Loading newer messages…</p> : null}
          </div>
        )}
      </div>
      {(windowed || scrolledUpAt !== null) && <JumpToLatest newCount={windowed ? 0 : newSinceScrolledUp} onJump={jumpToLatest} />}
    </div>
  );
}

function findMessage(el: HTMLElement, seq: number): HTMLElement | null {
  return el.querySelector<HTMLElement>(`[data-testid="message"][data-seq="${seq}"]`);
}

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_WITHIN_PX;
}
