import { useSyncExternalStore } from 'react';
import { useChatController } from '../store/ChatContext';
import type { Attachment } from './attachment';

const none: readonly Attachment[] = [];

/** The files waiting in a conversation's composer. */
export function usePendingAttachments(conversationId: string): readonly Attachment[] {
  const tray = useChatController().attachments;
  return useSyncExternalStore(tray.subscribe, () => tray.getState()[conversationId] ?? none);
}
