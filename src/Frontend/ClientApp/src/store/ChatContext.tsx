import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatController } from '../realtime/chatController';
import type { ChatState } from './types';

export const ChatContext = createContext<ChatController | null>(null);

export function useChatController(): ChatController {
  const controller = useContext(ChatContext);
  if (!controller) throw new Error('useChatController outside ChatContext');
  return controller;
}

/** Subscribes to a slice of the chat state; the selector must return stable references. */
export function useChatState<T>(selector: (state: ChatState) => T): T {
  const controller = useChatController();
  return useSyncExternalStore(controller.store.subscribe, () => selector(controller.store.getState()));
}
