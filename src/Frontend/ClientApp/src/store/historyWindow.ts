// Pure transitions of a conversation's history window (a stretch away from the newest, see HistoryWindow).
import type { Message, MessagePage } from '../api/types';
import { indexOfSeq } from './messageList';
import type { ConversationState, HistoryWindow, MessageFocus } from './types';

/** True when `seq` is already on screen: inside the open window, or in the loaded live run. */
export function isShown(conversation: ConversationState, seq: number): boolean {
  const { window, messages } = conversation;
  if (window) return seq >= window.fromSeq && seq <= window.toSeq && indexOfSeq(messages, seq) >= 0;
  return conversation.historyLoaded && messages.length > 0 && messages[0].seq <= seq && indexOfSeq(messages, seq) >= 0;
}

/** The messages the list shows: the window's, or all of them at the live end. */
export function shownMessages(conversation: ConversationState): Message[] {
  const { window, messages } = conversation;
  if (!window) return messages;
  const from = indexOfSeq(messages, window.fromSeq);
  const to = indexOfSeq(messages, window.toSeq);
  const start = from >= 0 ? from : -(from + 1);
  const end = to >= 0 ? to + 1 : -(to + 1);
  return messages.slice(start, end);
}

export function withFocus(conversation: ConversationState, focus: MessageFocus): ConversationState {
  return { ...conversation, focus };
}

/**
 * After the page around a hit was merged into `messages`: a window over it, unless the page reaches
 * the live end (then the list simply shows everything from the page's oldest on).
 */
export function openWindow(conversation: ConversationState, page: MessagePage, focus: MessageFocus): ConversationState {
  const seqs = (page.messages ?? []).map((m) => m.seq);
  if (seqs.length === 0) return { ...conversation, focus };
  const fromSeq = Math.min(...seqs);
  const toSeq = Math.max(...seqs);
  const liveLoaded = conversation.historyLoaded && !conversation.historyLoading && !conversation.window;
  const liveFromSeq = liveLoaded ? (conversation.messages[0]?.seq ?? null) : (conversation.window?.liveFromSeq ?? null);
  const window: HistoryWindow = {
    fromSeq,
    toSeq,
    hasOlder: Boolean(page.hasMore) && fromSeq > 1,
    hasNewer: page.hasNewer !== false,
    loadingOlder: false,
    loadingNewer: false,
    error: null,
    liveFromSeq,
  };
  return closeIfLive({ ...conversation, window, focus, historyLoaded: true });
}

/**
 * A window that reached the live end closes: everything after syncedSeq is in memory (Sync and events
 * keep it so), so from the window's oldest message on the list is whole.
 */
export function closeIfLive(conversation: ConversationState): ConversationState {
  const { window, syncedSeq } = conversation;
  if (!window) return conversation;
  const reached = !window.hasNewer || (syncedSeq !== null && window.toSeq >= syncedSeq);
  if (!reached) return conversation;
  const keepFrom = window.liveFromSeq !== null ? Math.min(window.fromSeq, window.liveFromSeq) : window.fromSeq;
  const hasMoreOlder = keepFrom === window.fromSeq ? window.hasOlder : conversation.hasMoreOlder;
  return {
    ...conversation,
    window: null,
    messages: conversation.messages.filter((m) => m.seq >= keepFrom),
    hasMoreOlder,
    historyLoaded: true,
  };
}

/** "Jump to latest": back to the live end, keeping only what is known to join it. */
export function returnToLive(conversation: ConversationState): ConversationState {
  const { window, syncedSeq } = conversation;
  if (!window) return conversation.focus ? { ...conversation, focus: null } : conversation;
  const liveAfter = syncedSeq ?? conversation.lastSeq;
  const messages = conversation.messages.filter(
    (m) => m.seq > liveAfter || (window.liveFromSeq !== null && m.seq >= window.liveFromSeq),
  );
  return {
    ...conversation,
    window: null,
    focus: null,
    messages,
    // Nothing of the live end loaded: the pane loads the newest page as on first open.
    historyLoaded: messages.length > 0,
    hasMoreOlder: messages.length === 0 || messages[0].seq > 1,
  };
}

export function updateWindow(conversation: ConversationState, change: Partial<HistoryWindow>): ConversationState {
  if (!conversation.window) return conversation;
  return { ...conversation, window: { ...conversation.window, ...change } };
}

/** An older page before the window merged: the window reaches back to it. */
export function extendOlder(conversation: ConversationState, page: MessagePage): ConversationState {
  const window = conversation.window;
  if (!window) return conversation;
  const seqs = (page.messages ?? []).map((m) => m.seq);
  const fromSeq = seqs.length ? Math.min(window.fromSeq, ...seqs) : window.fromSeq;
  return updateWindow(conversation, { fromSeq, hasOlder: Boolean(page.hasMore) && fromSeq > 1, loadingOlder: false, error: null });
}

/** A newer page after the window merged: the window reaches on to it, and closes at the live end. */
export function extendNewer(conversation: ConversationState, page: MessagePage): ConversationState {
  const window = conversation.window;
  if (!window) return conversation;
  const seqs = (page.messages ?? []).map((m) => m.seq);
  const toSeq = seqs.length ? Math.max(window.toSeq, ...seqs) : window.toSeq;
  const hasNewer = Boolean(page.hasMore) && seqs.length > 0;
  return closeIfLive(updateWindow(conversation, { toSeq, hasNewer, loadingNewer: false, error: null }));
}
