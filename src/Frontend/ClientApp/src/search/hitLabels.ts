import { conversationTitle, displayNameOf } from '../store/selectors';
import type { ChatState } from '../store/types';

const sameYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const otherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** When a hit was sent: day and time this year, the date with its year before. */
export function hitDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (date.getFullYear() === new Date().getFullYear() ? sameYear : otherYear).format(date);
}

/** Who sent a hit, as the conversation names them. */
export function hitSender(state: ChatState, conversationId: string, senderId: string): string {
  return displayNameOf(state, senderId, state.conversations[conversationId]?.members);
}

/** Where a hit is, as the conversation list names it. */
export function hitConversation(state: ChatState, conversationId: string): string {
  const conversation = state.conversations[conversationId];
  return conversation ? conversationTitle(state, conversation) : 'Conversation';
}
