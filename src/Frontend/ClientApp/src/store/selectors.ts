import type { ConversationMember, ConversationType, Message } from '../api/types';
import { previewText } from './messagePreview';
import type { ChatState, ConversationState } from './types';

export type MessageStatus = 'pending' | 'failed' | 'sent' | 'delivered' | 'read';

/** Tick state of an own, stored message. */
export function statusOf(conversation: ConversationState, message: Message): MessageStatus {
  if (conversation.peerReadSeq >= message.seq) return 'read';
  if (conversation.peerDeliveredSeq >= message.seq) return 'delivered';
  return 'sent';
}

export function displayNameOf(state: ChatState, userId: string, members?: ConversationMember[] | null): string {
  if (userId === state.myUserId) return state.me?.displayName || 'You';
  const member = members?.find((m) => m.userId === userId);
  return member?.displayName || member?.username || state.users[userId]?.displayName || state.users[userId]?.username || 'Someone';
}

/** The other member of a direct conversation, when the members are known. */
export function directPeerId(state: ChatState, conversation: ConversationState): string | null {
  if (conversation.type !== 'direct' || !conversation.members) return null;
  const other = conversation.members.find((m) => m.userId !== state.myUserId);
  return other?.userId ?? null;
}

const fallbackTitles: Record<ConversationType, string> = {
  direct: 'Direct chat',
  group: 'Group',
  channel: 'Channel',
};

export function conversationTitle(state: ChatState, conversation: ConversationState): string {
  if (conversation.type === 'direct') {
    const peer = directPeerId(state, conversation);
    if (peer) return displayNameOf(state, peer, conversation.members);
    if (conversation.members && conversation.members.length === 1) return `${displayNameOf(state, state.myUserId)} (you)`;
    return conversation.name || fallbackTitles.direct;
  }
  if (conversation.name) return conversation.name;
  if (conversation.members && conversation.members.length > 0) {
    return conversation.members
      .filter((m) => m.userId !== state.myUserId)
      .slice(0, 3)
      .map((m) => m.displayName || m.username || 'Someone')
      .join(', ') || fallbackTitles[conversation.type];
  }
  return fallbackTitles[conversation.type] ?? 'Conversation';
}

/** Conversations, most recently active first, then in the server's order. */
export function sortedConversations(conversations: Record<string, ConversationState>): ConversationState[] {
  return Object.values(conversations)
    .filter((c) => !c.inaccessible)
    .sort((a, b) => b.lastActivity - a.lastActivity || a.order - b.order || a.id.localeCompare(b.id));
}

/** The newest message (or unsent one of ours) for the list row, with who sent it: "You", or a name in groups. */
export function previewOf(
  state: ChatState,
  conversation: ConversationState,
): { text: string; mine: boolean; sender: string | null } | null {
  const pending = [...state.outbox].reverse().find((item) => item.conversationId === conversation.id);
  if (pending) return { text: pending.content.replace(/\s+/gu, ' ').trim(), mine: true, sender: 'You' };
  const last = conversation.lastMessage;
  if (!last) return null;
  const mine = last.senderId === state.myUserId;
  const sender = mine ? 'You' : conversation.type === 'group' ? displayNameOf(state, last.senderId, conversation.members) : null;
  return { text: summarize(last), mine, sender };
}

export function summarize(message: Message): string {
  return previewText(message);
}

/** "typing…" in a direct chat, "Alice is typing…" in groups; null while nobody else types. */
export function typingText(state: ChatState, conversation: ConversationState, now: number): string | null {
  const typists = Object.entries(conversation.typing)
    .filter(([userId, expiresAt]) => expiresAt > now && userId !== state.myUserId)
    .map(([userId]) => userId);
  if (typists.length === 0) return null;
  if (conversation.type === 'direct') return 'typing…';
  const names = typists.map((userId) => displayNameOf(state, userId, conversation.members));
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}

export function canPost(state: ChatState, conversation: ConversationState): boolean {
  if (conversation.type !== 'channel' || !conversation.members) return true;
  const me = conversation.members.find((m) => m.userId === state.myUserId);
  return me ? me.role === 'owner' || me.role === 'admin' : false;
}
