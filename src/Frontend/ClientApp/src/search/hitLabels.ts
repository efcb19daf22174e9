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

/** Who sent a hit and where, as the conversation list names them. */
export function hitPlace(state: ChatState, conversationId: string, senderId: string): { sender: string; conversation: string } {
  const conversation = state.conversations[conversationId];
  return {
    sender: displayNameOf(state, senderId, conversation?.members),
    conversation: conversation ? conversationTitle(state, conversation) : 'Conversation',
  };
}
