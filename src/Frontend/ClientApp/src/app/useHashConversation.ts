import { useEffect } from 'react';
import type { ChatController } from '../realtime/chatController';

const PREFIX = '#/c/';
const JOIN_PREFIX = '#/join/';

export function conversationHref(conversationId: string): string {
  return `${PREFIX}${encodeURIComponent(conversationId)}`;
}

/** The address of an invite link (#/join/{code}); opening it joins the conversation. */
export function inviteHref(code: string): string {
  return `${JOIN_PREFIX}${encodeURIComponent(code)}`;
}

/** The invite code in the address, if it is an invite link. */
export function inviteCodeFromHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(JOIN_PREFIX)) return null;
  return decodeURIComponent(hash.slice(JOIN_PREFIX.length)) || null;
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
