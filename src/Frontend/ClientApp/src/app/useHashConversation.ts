import { useEffect } from 'react';
import type { ChatController } from '../realtime/chatController';

const PREFIX = '#/c/';

export function conversationHref(conversationId: string): string {
  return `${PREFIX}${encodeURIComponent(conversationId)}`;
}

function fromHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return id || null;
}

/** Opens the conversation named in the address (#/c/{id}), so reload and Back work. */
export function useHashConversation(controller: ChatController | null): void {
  useEffect(() => {
    if (!controller) return;
    const sync = () => controller.openConversation(fromHash());
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [controller]);
}

export function navigateToConversation(conversationId: string | null): void {
  const target = conversationId ? conversationHref(conversationId) : '#/';
  if (window.location.hash !== target) window.location.hash = target;
}
