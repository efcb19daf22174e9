import { useRef } from 'react';
import type { ConversationState } from '../store/types';

/**
 * The read position when this conversation was opened, or null when nothing was unread then. Fixed
 * until another conversation is opened, so the "New messages" divider stays where it was although
 * opening the conversation marks everything read a moment later.
 */
export function useUnreadMark(conversation: ConversationState): number | null {
  const mark = useRef<{ id: string; afterSeq: number | null } | null>(null);
  if (mark.current?.id !== conversation.id) {
    const unread = conversation.unread > 0 && conversation.readSeq < conversation.lastSeq;
    mark.current = { id: conversation.id, afterSeq: unread ? conversation.readSeq : null };
  }
  return mark.current.afterSeq;
}
