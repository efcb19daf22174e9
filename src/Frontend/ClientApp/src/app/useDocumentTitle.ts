import { useEffect } from 'react';
import { useChatState } from '../store/ChatContext';

/** "(3) Chat Grid" while there are unread messages. */
export function useDocumentTitle(): void {
  const unread = useChatState((s) => {
    let total = 0;
    for (const conversation of Object.values(s.conversations)) {
      if (!conversation.inaccessible) total += conversation.unread;
    }
    return total;
  });
  useEffect(() => {
    document.title = unread > 0 ? `(${unread > 99 ? '99+' : unread}) Chat Grid` : 'Chat Grid';
    return () => {
      document.title = 'Chat Grid';
    };
  }, [unread]);
}
