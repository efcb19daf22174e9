import type { ConversationMember, UserSummary } from '../api/types';
import { statusOf, type MessageStatus } from '../store/selectors';
import type { ConversationState, OutboxItem } from '../store/types';
import { dayKey } from '../ui/format';
import type { BubbleProps } from './MessageBubble';

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

/** Stored messages by seq, then unsent ones in the order they were written, with day separators. */
export function buildRows(conversation: ConversationState, outbox: readonly OutboxItem[], names: Names): Row[] {
  const rows: Row[] = [];
  const keys = new Set<string>();
  const showSenders = conversation.type !== 'direct';
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
      error: item.error,
    });
  }
  return rows;
}
