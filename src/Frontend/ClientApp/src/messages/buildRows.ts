import type { ConversationMember, Message, Reaction, UserSummary } from '../api/types';
import { indexOfSeq } from '../store/messageList';
import { statusOf, type MessageStatus } from '../store/selectors';
import type { ConversationState, OutboxItem } from '../store/types';
import { dayKey } from '../ui/format';
import type { ReactionView } from './messageAction';
import type { BubbleProps, QuoteProps } from './MessageBubble';

export type Row =
  | { kind: 'day'; key: string; iso: string }
  | { kind: 'message'; key: string; props: BubbleProps };

interface Names {
  myUserId: string;
  members: ConversationMember[] | null;
  users: Record<string, UserSummary>;
}

function nameOf(userId: string, names: Names): string {
  const member = names.members?.find((m) => m.userId === userId);
  const user = names.users[userId];
  return member?.displayName || member?.username || user?.displayName || user?.username || 'Someone';
}

const QUOTE_CHARS = 120;
const MODERATORS = new Set(['owner', 'admin', 'moderator']);
const noReactions: readonly ReactionView[] = [];
// Keyed by the server's reactions array, so a bubble's props stay identical until its reactions change.
const reactionViews = new WeakMap<Reaction[], { myUserId: string; views: readonly ReactionView[] }>();

function viewReactions(reactions: Reaction[] | undefined, myUserId: string): readonly ReactionView[] {
  if (!reactions || reactions.length === 0) return noReactions;
  const cached = reactionViews.get(reactions);
  if (cached && cached.myUserId === myUserId) return cached.views;
  const views = reactions
    .filter((r) => r.userIds.length > 0)
    .map((r) => ({ emoji: r.emoji, count: r.userIds.length, mine: r.userIds.includes(myUserId) }));
  reactionViews.set(reactions, { myUserId, views });
  return views;
}

function quoteOf(conversation: ConversationState, replyToSeq: number | null | undefined, names: Names): QuoteProps {
  if (!replyToSeq) return { replySeq: null, replySender: '', replyText: '' };
  const index = indexOfSeq(conversation.messages, replyToSeq);
  const quoted: Message | undefined = index >= 0 ? conversation.messages[index] : undefined;
  if (!quoted) return { replySeq: replyToSeq, replySender: 'Earlier message', replyText: 'Not loaded' };
  const text = quoted.deleted ? 'This message was deleted.' : quoted.content || `[${quoted.type}]`;
  return {
    replySeq: replyToSeq,
    replySender: quoted.senderId === names.myUserId ? 'You' : nameOf(quoted.senderId, names),
    replyText: text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text,
  };
}

/** An away message's answer carries metadata {"autoReply": true}. */
function isAutoReply(metadata: unknown): boolean {
  let value = metadata;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return false;
    }
  }
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).autoReply === true;
}

/** Stored messages by seq, then unsent ones in the order they were written, with day separators. */
export function buildRows(conversation: ConversationState, outbox: readonly OutboxItem[], names: Names): Row[] {
  const rows: Row[] = [];
  const keys = new Set<string>();
  const showSenders = conversation.type !== 'direct';
  const myRole = names.members?.find((m) => m.userId === names.myUserId)?.role;
  const moderator = conversation.type !== 'direct' && myRole !== undefined && MODERATORS.has(myRole);
  let lastDay = '';
  let lastSender: string | null = null;

  const push = (iso: string, key: string, props: BubbleProps) => {
    const day = dayKey(iso);
    if (day && day !== lastDay) {
      rows.push({ kind: 'day', key: `day:${day}`, iso });
      lastDay = day;
      lastSender = null;
    }
    const unique = keys.has(key) ? `${key}:${props.seq ?? rows.length}` : key;
    keys.add(unique);
    rows.push({ kind: 'message', key: unique, props });
  };

  for (const message of conversation.messages) {
    const mine = message.senderId === names.myUserId;
    const status: MessageStatus | null = mine ? statusOf(conversation, message) : null;
    const senderName = showSenders && !mine && message.senderId !== lastSender ? nameOf(message.senderId, names) : null;
    lastSender = message.senderId;
    push(message.sentAt, mine && message.clientMessageId ? `c:${message.clientMessageId}` : `s:${message.seq}`, {
      seq: message.seq,
      clientMessageId: message.clientMessageId,
      content: message.content,
      type: message.type,
      sentAt: message.sentAt,
      mine,
      status,
      senderName,
      edited: Boolean(message.editedAt),
      deleted: Boolean(message.deleted),
      autoReply: isAutoReply(message.metadata),
      expiresAt: message.expiresAt ?? null,
      reactions: viewReactions(message.reactions, names.myUserId),
      canEdit: mine && !message.deleted && (message.type === 'text' || message.type === 'code'),
      canDeleteForEveryone: !message.deleted && (mine || moderator),
      ...quoteOf(conversation, message.replyToSeq, names),
    });
  }

  for (const item of outbox) {
    if (item.conversationId !== conversation.id) continue;
    lastSender = names.myUserId;
    push(item.createdAt, `c:${item.clientMessageId}`, {
      seq: null,
      clientMessageId: item.clientMessageId,
      content: item.content,
      type: 'text',
      sentAt: item.createdAt,
      mine: true,
      status: item.status,
      senderName: null,
      edited: false,
      deleted: false,
      autoReply: false,
      expiresAt: null,
      reactions: noReactions,
      canEdit: false,
      canDeleteForEveryone: false,
      error: item.error,
      ...quoteOf(conversation, item.replyToSeq, names),
    });
  }
  return rows;
}
