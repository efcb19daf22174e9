// Pure helpers over a conversation's messages: an array sorted by seq with no duplicate seq.
import type { Message } from '../api/types';

/** Index of `seq`, or -(insertion point + 1) when absent. */
export function indexOfSeq(list: readonly Message[], seq: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = list[mid].seq;
    if (value === seq) return mid;
    if (value < seq) low = mid + 1;
    else high = mid - 1;
  }
  return -(low + 1);
}

function reactionsKey(message: Message): string {
  return message.reactions ? JSON.stringify(message.reactions) : '';
}

function differs(a: Message, b: Message): boolean {
  return (
    a.content !== b.content ||
    reactionsKey(a) !== reactionsKey(b) ||
    (a.editedAt ?? null) !== (b.editedAt ?? null) ||
    Boolean(a.deleted) !== Boolean(b.deleted) ||
    a.messageId !== b.messageId ||
    a.type !== b.type
  );
}

/**
 * Merges `incoming` into `list`. A seq already present is kept (or replaced when the server's
 * copy changed: edited or deleted), so a message is never shown twice. Returns the new array
 * (the same one when nothing changed) and the messages that were not known before, by seq.
 */
export function mergeMessages(list: readonly Message[], incoming: readonly Message[]): { list: Message[]; added: Message[] } {
  if (incoming.length === 0) return { list: list as Message[], added: [] };
  const bySeq = new Map<number, Message>();
  for (const message of incoming) {
    if (Number.isFinite(message.seq) && message.seq > 0) bySeq.set(message.seq, message);
  }
  const sorted = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  if (sorted.length === 0) return { list: list as Message[], added: [] };
  const added: Message[] = [];
  let changed = false;

  // Fast path: everything is newer than what we have (the common live case).
  const last = list[list.length - 1];
  if (!last || sorted[0].seq > last.seq) {
    return { list: [...list, ...sorted], added: sorted };
  }

  const result: Message[] = [];
  let i = 0;
  let j = 0;
  while (i < list.length || j < sorted.length) {
    if (j >= sorted.length || (i < list.length && list[i].seq < sorted[j].seq)) {
      result.push(list[i++]);
    } else if (i >= list.length || sorted[j].seq < list[i].seq) {
      result.push(sorted[j]);
      added.push(sorted[j]);
      changed = true;
      j++;
    } else {
      // Events and Sync carry no reactions: keep the ones already known.
      const incoming = sorted[j].reactions === undefined && list[i].reactions ? { ...sorted[j], reactions: list[i].reactions } : sorted[j];
      if (differs(list[i], incoming)) {
        result.push(incoming);
        changed = true;
      } else {
        result.push(list[i]);
      }
      i++;
      j++;
    }
  }
  return { list: changed ? result : (list as Message[]), added };
}

/** The highest seq reachable from `from` by consecutive known messages. */
export function advanceContiguous(list: readonly Message[], from: number): number {
  let index = indexOfSeq(list, from + 1);
  if (index < 0) return from;
  let seq = from;
  while (index < list.length && list[index].seq === seq + 1) {
    seq += 1;
    index += 1;
  }
  return seq;
}

/** Messages from someone else with from < seq <= to. */
export function countFromOthers(list: readonly Message[], from: number, to: number, myUserId: string): number {
  let count = 0;
  for (const message of list) {
    if (message.seq > from && message.seq <= to && message.senderId !== myUserId) count += 1;
  }
  return count;
}
