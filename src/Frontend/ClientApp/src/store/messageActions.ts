// Pure state transitions for reactions and messages hidden ("deleted for me").
import type { Message } from '../api/types';
import { indexOfSeq } from './messageList';
import type { ConversationState } from './types';

function replaceAt(conversation: ConversationState, index: number, message: Message): ConversationState {
  const messages = conversation.messages.slice();
  messages[index] = message;
  return { ...conversation, messages };
}

/** Sets whether `userId` reacted with `emoji` (idempotent, so an event and our own answer agree). */
export function applyReaction(
  conversation: ConversationState,
  seq: number,
  userId: string,
  emoji: string,
  present: boolean,
): ConversationState {
  const index = indexOfSeq(conversation.messages, seq);
  if (index < 0) return conversation;
  const message = conversation.messages[index];
  const reactions = message.reactions ?? [];
  const existing = reactions.find((r) => r.emoji === emoji);
  const has = existing?.userIds.includes(userId) ?? false;
  if (has === present) return conversation;
  let next;
  if (present) {
    next = existing
      ? reactions.map((r) => (r === existing ? { ...r, userIds: [...r.userIds, userId] } : r))
      : [...reactions, { emoji, userIds: [userId] }];
  } else {
    next = reactions
      .map((r) => (r === existing ? { ...r, userIds: r.userIds.filter((id) => id !== userId) } : r))
      .filter((r) => r.userIds.length > 0);
  }
  return replaceAt(conversation, index, { ...message, reactions: next });
}

/** Deleted for everyone: the row stays, without its content. */
export function applyDeletedForEveryone(conversation: ConversationState, seq: number): ConversationState {
  const index = indexOfSeq(conversation.messages, seq);
  const last = conversation.lastMessage;
  const withLast =
    last?.seq === seq && !last.deleted ? { ...conversation, lastMessage: { ...last, content: '', metadata: null, deleted: true } } : conversation;
  if (index < 0 || conversation.messages[index].deleted) return withLast;
  return replaceAt(withLast, index, { ...conversation.messages[index], content: '', deleted: true, reactions: [] });
}

/**
 * Deleted for me: gone from this user's view (the server leaves it out of history and Sync too).
 * If it was the list's last message, the newest loaded one before it takes its place (none loaded:
 * no preview until the list is loaded again).
 */
export function applyHidden(conversation: ConversationState, seq: number): ConversationState {
  const index = indexOfSeq(conversation.messages, seq);
  const wasLast = conversation.lastMessage?.seq === seq;
  if (index < 0 && !wasLast) return conversation;
  const messages = conversation.messages.slice();
  if (index >= 0) messages.splice(index, 1);
  if (!wasLast) return { ...conversation, messages };
  // As the server orders the list: by the last message this user may see.
  const lastMessage = messages.filter((m) => m.seq < seq).pop() ?? null;
  const sentAt = lastMessage ? Date.parse(lastMessage.sentAt) : NaN;
  return { ...conversation, messages, lastMessage, lastActivity: Number.isFinite(sentAt) ? sentAt : conversation.lastActivity };
}
