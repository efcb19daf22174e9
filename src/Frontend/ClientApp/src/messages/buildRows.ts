import type { ConversationMember, Message, Reaction, UserSummary } from '../api/types';
import type { FileInfo } from '../api/files';
import { filesOf } from '../files/messageFiles';
import { indexOfSeq } from '../store/messageList';
import { previewText } from '../store/messagePreview';
import { statusOf, type MessageStatus } from '../store/selectors';
import type { ConversationState, OutboxItem } from '../store/types';
import { dayKey } from '../ui/format';
import type { ReactionView } from './messageAction';
import type { BubbleProps, QuoteProps } from './MessageBubble';

/** The client id prefix the server gives its away-message answers (Chat.Conversations.ServerOwnedMetadata). */
const AUTO_REPLY_CLIENT_ID_PREFIX = 'auto-reply:';

export type Row =
  | { kind: 'day'; key: string; iso: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; props: BubbleProps };

type MessageRow = Extract<Row, { kind: 'message' }>;

interface Names {
  myUserId: string;
  members: ConversationMember[] | null;
  users: Record<string, UserSummary>;
}

interface Options {
  /** The reader's read position when they opened the conversation: the "New messages" divider goes after it. */
  unreadAfterSeq?: number | null;
}

/** Consecutive messages of one sender form a run (name and avatar once) unless this much time lies between them. */
const RUN_GAP_MS = 5 * 60 * 1000;

function nameOf(userId: string, names: Names): string {
  const member = names.members?.find((m) => m.userId === userId);
  const user = names.users[userId];
  return member?.displayName || member?.username || user?.displayName || user?.username || 'Someone';
}

const QUOTE_CHARS = 120;
const MODERATORS = new Set(['owner', 'admin', 'moderator']);
const noReactions: readonly ReactionView[] = [];
const noFiles: readonly FileInfo[] = [];
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
  // A photo or a document is quoted as the list previews it ("Photo · caption", "Document · report.pdf").
  const text = quoted.deleted ? 'This message was deleted.' : quoted.type === 'text' ? quoted.content : previewText(quoted) || `[${quoted.type}]`;
  return {
    replySeq: replyToSeq,
    replySender: quoted.senderId === names.myUserId ? 'You' : nameOf(quoted.senderId, names),
    replyText: text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text,
  };
}

/**
 * An away message's answer carries metadata {"autoReply": true} and a client id the server gives it
 * ("auto-reply:…"); the server refuses both from clients, so only a message with both is trusted.
 */
function isAutoReply(clientMessageId: string, metadata: unknown): boolean {
  if (!clientMessageId.startsWith(AUTO_REPLY_CLIENT_ID_PREFIX)) return false;
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

/**
 * Stored messages by seq, then unsent ones in the order they were written, with day separators and the
 * "New messages" divider. Messages are grouped into runs of one sender, as messaging apps do.
 */
export function buildRows(
  conversation: ConversationState,
  outbox: readonly OutboxItem[],
  names: Names,
  options: Options = {},
): Row[] {
  const rows: Row[] = [];
  const keys = new Set<string>();
  const showSenders = conversation.type !== 'direct';
  const myRole = names.members?.find((m) => m.userId === names.myUserId)?.role;
  const moderator = conversation.type !== 'direct' && myRole !== undefined && MODERATORS.has(myRole);
  const unreadAfter = options.unreadAfterSeq ?? null;
  let dividerPlaced = false;
  let lastDay = '';
  // The message before, to tell whether the next one continues its run (an object: push() updates it).
  const run: { previous: { senderId: string; at: number; row: MessageRow } | null } = { previous: null };

  const push = (iso: string, key: string, senderId: string, props: BubbleProps, unread: boolean) => {
    const day = dayKey(iso);
    let breaksRun = false;
    if (day && day !== lastDay) {
      rows.push({ kind: 'day', key: `day:${day}`, iso });
      lastDay = day;
      breaksRun = true;
    }
    if (unread && !dividerPlaced) {
      rows.push({ kind: 'unread', key: 'unread' });
      dividerPlaced = true;
      breaksRun = true;
    }
    const at = new Date(iso).getTime();
    const previous = run.previous;
    const continues =
      !breaksRun && previous !== null && previous.senderId === senderId && !(Math.abs(at - previous.at) > RUN_GAP_MS);
    if (previous && !continues) previous.row.props = { ...previous.row.props, runEnd: true };
    const unique = keys.has(key) ? `${key}:${props.seq ?? rows.length}` : key;
    keys.add(unique);
    const row: MessageRow = {
      kind: 'message',
      key: unique,
      props: {
        ...props,
        senderName: continues || !showSenders || props.mine ? null : props.senderName,
        senderId: showSenders && !props.mine ? senderId : null,
        runStart: !continues,
        runEnd: false,
      },
    };
    rows.push(row);
    run.previous = { senderId, at: Number.isNaN(at) ? (previous?.at ?? 0) : at, row };
  };

  for (const message of conversation.messages) {
    const mine = message.senderId === names.myUserId;
    const status: MessageStatus | null = mine ? statusOf(conversation, message) : null;
    const senderName = showSenders && !mine ? nameOf(message.senderId, names) : null;
    const unread = unreadAfter !== null && !mine && message.seq > unreadAfter;
    const key = mine && message.clientMessageId ? `c:${message.clientMessageId}` : `s:${message.seq}`;
    push(message.sentAt, key, message.senderId, {
      seq: message.seq,
      clientMessageId: message.clientMessageId,
      content: message.content,
      type: message.type,
      files: filesOf(message.metadata),
      sentAt: message.sentAt,
      mine,
      status,
      senderName,
      edited: Boolean(message.editedAt),
      deleted: Boolean(message.deleted),
      autoReply: isAutoReply(message.clientMessageId ?? '', message.metadata),
      expiresAt: message.expiresAt ?? null,
      reactions: viewReactions(message.reactions, names.myUserId),
      canEdit: mine && !message.deleted && (message.type === 'text' || message.type === 'code'),
      canDeleteForEveryone: !message.deleted && (mine || moderator),
      ...RUN_DEFAULTS,
      ...quoteOf(conversation, message.replyToSeq, names),
    }, unread);
  }

  for (const item of outbox) {
    if (item.conversationId !== conversation.id) continue;
    push(item.createdAt, `c:${item.clientMessageId}`, names.myUserId, {
      seq: null,
      clientMessageId: item.clientMessageId,
      content: item.content,
      type: item.type ?? 'text',
      files: item.files ?? noFiles,
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
      ...RUN_DEFAULTS,
      ...quoteOf(conversation, item.replyToSeq, names),
    }, false);
  }
  if (run.previous) run.previous.row.props = { ...run.previous.row.props, runEnd: true };
  return rows;
}

const RUN_DEFAULTS = { senderId: null, runStart: true, runEnd: true } as const;
