// Pure state transitions of one conversation.
import type { ConversationDetails, ConversationSummary, Message, ReceiptEvent } from '../api/types';
import { advanceContiguous, countFromOthers, mergeMessages } from './messageList';
import type { ConversationState } from './types';

export function emptyConversation(id: string): ConversationState {
  return {
    id,
    type: 'group',
    name: null,
    members: null,
    lastSeq: 0,
    readSeq: 0,
    unread: 0,
    syncedSeq: null,
    messages: [],
    hasMoreOlder: true,
    historyLoading: false,
    historyLoaded: false,
    historyError: null,
    peerDeliveredSeq: 0,
    peerReadSeq: 0,
    typing: {},
    lastMessage: null,
    lastActivity: 0,
    order: Number.MAX_SAFE_INTEGER,
    inaccessible: false,
    messageRequest: false,
    avatarFileId: null,
    window: null,
    focus: null,
  };
}

/** Unread messages after `readSeq`, counted from what is loaded when it covers the range. */
function unreadAfter(conversation: ConversationState, readSeq: number, lastSeq: number, myUserId: string): number {
  if (readSeq >= lastSeq) return 0;
  const first = conversation.messages[0];
  if (first && first.seq <= readSeq + 1) return countFromOthers(conversation.messages, readSeq, lastSeq, myUserId);
  return Math.min(conversation.unread, lastSeq - readSeq);
}

/**
 * For a conversation first seen in the list, the connect-time Sync fetches its unread messages, at
 * most this many of the newest: the device then holds what was sent to it (the server counts a Sync
 * as delivery) without downloading a long backlog.
 */
export const UNREAD_PREFETCH = 50;

function changed(a: Message, b: Message): boolean {
  return a.content !== b.content || Boolean(a.deleted) !== Boolean(b.deleted) || (a.editedAt ?? null) !== (b.editedAt ?? null);
}

/** The newer of the known last message and `incoming` (an update of the same seq replaces it). */
function newestMessage(known: Message | null, incoming: readonly Message[]): Message | null {
  let newest = known;
  for (const message of incoming) {
    if (!newest || message.seq > newest.seq) newest = message;
    else if (message.seq === newest.seq && changed(newest, message)) newest = message;
  }
  return newest;
}

/** A row of GET /api/conversations. */
export function applySummary(
  conversation: ConversationState,
  summary: ConversationSummary,
  order: number,
  myUserId: string,
): ConversationState {
  const lastSeq = Math.max(conversation.lastSeq, summary.lastSeq);
  const readSeq = Math.max(conversation.readSeq, summary.readSeq);
  let unread: number;
  if (conversation.readSeq > summary.readSeq) {
    unread = unreadAfter(conversation, readSeq, lastSeq, myUserId);
  } else if (conversation.lastSeq > summary.lastSeq) {
    unread = summary.unread + countFromOthers(conversation.messages, Math.max(summary.lastSeq, readSeq), lastSeq, myUserId);
  } else {
    unread = summary.unread;
  }
  if (readSeq >= lastSeq) unread = 0;
  // The server's last message, unless a live event already brought a newer one.
  const known = conversation.lastMessage;
  const lastMessage = known && known.seq > summary.lastSeq ? known : (summary.lastMessage ?? null);
  const activityAt = summary.lastActivityAt ? Date.parse(summary.lastActivityAt) : NaN;
  return {
    ...conversation,
    type: summary.type,
    name: summary.name ?? conversation.name,
    lastSeq,
    readSeq,
    unread: Math.max(0, unread),
    syncedSeq: conversation.syncedSeq ?? Math.max(summary.readSeq, summary.lastSeq - UNREAD_PREFETCH, 0),
    lastMessage,
    lastActivity: Number.isFinite(activityAt) ? Math.max(conversation.lastActivity, activityAt) : conversation.lastActivity,
    order,
    inaccessible: false,
    messageRequest: summary.messageRequest ?? false,
    avatarFileId: summary.avatarFileId !== undefined ? summary.avatarFileId : conversation.avatarFileId,
  };
}

/** GET /api/conversations/{id} or the answer of POST /api/conversations. */
export function applyDetails(conversation: ConversationState, details: ConversationDetails, myUserId: string): ConversationState {
  let peerReadSeq = conversation.peerReadSeq;
  let peerDeliveredSeq = conversation.peerDeliveredSeq;
  for (const member of details.members ?? []) {
    if (member.userId === myUserId) continue;
    if (typeof member.readSeq === 'number') peerReadSeq = Math.max(peerReadSeq, member.readSeq);
    const delivered = Math.max(member.deliveredSeq ?? 0, member.readSeq ?? 0);
    peerDeliveredSeq = Math.max(peerDeliveredSeq, delivered);
  }
  const lastSeq = typeof details.lastSeq === 'number' ? Math.max(conversation.lastSeq, details.lastSeq) : conversation.lastSeq;
  return {
    ...conversation,
    type: details.type ?? conversation.type,
    name: details.name ?? conversation.name,
    avatarFileId: details.avatarFileId !== undefined ? details.avatarFileId : conversation.avatarFileId,
    members: details.members ?? [],
    lastSeq,
    syncedSeq: conversation.syncedSeq ?? (typeof details.lastSeq === 'number' ? details.lastSeq : null),
    peerReadSeq,
    peerDeliveredSeq,
  };
}

/**
 * Merges messages from any source (event, Sync, history, ack). Counts unread only for messages
 * newer than anything known before, so replays and history never inflate the badge.
 */
export function applyMessages(
  conversation: ConversationState,
  incoming: readonly Message[],
  myUserId: string,
): { conversation: ConversationState; added: Message[] } {
  const mine = incoming.filter((message) => message.conversationId === conversation.id);
  const { list, added } = mergeMessages(conversation.messages, mine);
  const lastMessage = newestMessage(conversation.lastMessage, mine);
  if (list === conversation.messages) {
    return { conversation: lastMessage === conversation.lastMessage ? conversation : { ...conversation, lastMessage }, added };
  }

  let { lastSeq, readSeq, unread, lastActivity, syncedSeq } = conversation;
  let typing = conversation.typing;
  // Writing in a message request accepts it (the server counts it as consent).
  let messageRequest = conversation.messageRequest;
  const lastSeqBefore = conversation.lastSeq;
  for (const message of added) {
    if (message.seq > lastSeqBefore) {
      if (message.senderId === myUserId) {
        readSeq = Math.max(readSeq, message.seq);
        unread = 0;
      } else if (message.seq > readSeq) {
        unread += 1;
      }
    }
    if (message.senderId === myUserId) messageRequest = false;
    lastSeq = Math.max(lastSeq, message.seq);
    if (typing[message.senderId] !== undefined) {
      typing = { ...typing };
      delete typing[message.senderId];
    }
    const sentAt = Date.parse(message.sentAt);
    if (Number.isFinite(sentAt) && sentAt > lastActivity) lastActivity = sentAt;
  }
  if (syncedSeq === null && added.length > 0) syncedSeq = added[0].seq - 1;
  if (syncedSeq !== null) syncedSeq = advanceContiguous(list, syncedSeq);
  return {
    conversation: { ...conversation, messages: list, lastSeq, readSeq, unread, lastActivity, syncedSeq, typing, lastMessage, messageRequest },
    added,
  };
}

/** MessageUpdated for a message that is not loaded: the list preview may still show it. */
export function applyLastMessageUpdate(conversation: ConversationState, message: Message): ConversationState {
  if (conversation.lastMessage?.seq !== message.seq) return conversation;
  return { ...conversation, lastMessage: message };
}

export function applyReceipt(
  conversation: ConversationState,
  receipt: ReceiptEvent,
  kind: 'read' | 'delivered',
  myUserId: string,
): ConversationState {
  if (receipt.userId === myUserId) {
    if (kind !== 'read' || receipt.seq <= conversation.readSeq) return conversation;
    const lastSeq = Math.max(conversation.lastSeq, receipt.seq);
    return {
      ...conversation,
      lastSeq,
      readSeq: receipt.seq,
      unread: unreadAfter(conversation, receipt.seq, lastSeq, myUserId),
    };
  }
  const peerDeliveredSeq = Math.max(conversation.peerDeliveredSeq, receipt.seq);
  const peerReadSeq = kind === 'read' ? Math.max(conversation.peerReadSeq, receipt.seq) : conversation.peerReadSeq;
  if (peerDeliveredSeq === conversation.peerDeliveredSeq && peerReadSeq === conversation.peerReadSeq) return conversation;
  return { ...conversation, peerDeliveredSeq, peerReadSeq };
}

/** This device has shown everything up to `seq`. */
export function applyLocalRead(conversation: ConversationState, seq: number): ConversationState {
  if (seq <= conversation.readSeq && conversation.unread === 0) return conversation;
  const readSeq = Math.max(conversation.readSeq, seq);
  return { ...conversation, readSeq, unread: readSeq >= conversation.lastSeq ? 0 : conversation.unread };
}

export function applyTyping(conversation: ConversationState, userId: string, expiresAt: number | null): ConversationState {
  if (expiresAt === null) {
    if (conversation.typing[userId] === undefined) return conversation;
    const typing = { ...conversation.typing };
    delete typing[userId];
    return { ...conversation, typing };
  }
  return { ...conversation, typing: { ...conversation.typing, [userId]: expiresAt } };
}

export function pruneTyping(conversation: ConversationState, now: number): ConversationState {
  const entries = Object.entries(conversation.typing);
  const live = entries.filter(([, expiresAt]) => expiresAt > now);
  if (live.length === entries.length) return conversation;
  return { ...conversation, typing: Object.fromEntries(live) };
}
