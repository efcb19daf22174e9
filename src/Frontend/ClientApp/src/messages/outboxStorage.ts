// Unsent messages survive a reload: they are kept in localStorage per user and retried in order.
import type { OutboxItem } from '../store/types';

const keyFor = (userId: string) => `chatgrid.outbox.${userId}`;

export function loadOutbox(userId: string): OutboxItem[] {
  try {
    const raw = localStorage.getItem(keyFor(userId));
    if (!raw) return [];
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isOutboxItem);
  } catch {
    return [];
  }
}

export function saveOutbox(userId: string, items: readonly OutboxItem[]): void {
  try {
    if (items.length === 0) localStorage.removeItem(keyFor(userId));
    else localStorage.setItem(keyFor(userId), JSON.stringify(items));
  } catch {
    // Storage full or disabled: the outbox still lives in memory.
  }
}

export function clearOutbox(userId: string): void {
  try {
    localStorage.removeItem(keyFor(userId));
  } catch {
    // ignore
  }
}

function isOutboxItem(value: unknown): value is OutboxItem {
  if (!value || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.clientMessageId === 'string' &&
    typeof item.conversationId === 'string' &&
    typeof item.content === 'string' &&
    typeof item.createdAt === 'string' &&
    (item.status === 'pending' || item.status === 'failed') &&
    (item.replyToSeq === undefined || typeof item.replyToSeq === 'number') &&
    (item.expiresInSeconds === undefined || typeof item.expiresInSeconds === 'number') &&
    (item.type === undefined || typeof item.type === 'string') &&
    (item.metadata === undefined || (typeof item.metadata === 'object' && item.metadata !== null)) &&
    (item.files === undefined || Array.isArray(item.files))
  );
}
