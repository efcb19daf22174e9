// Own typing state (throttled to one "true" per 3 s) and others' (expires after 6 s unless refreshed).
import type { TypingEvent } from '../api/types';
import { applyTyping, pruneTyping } from '../store/conversationUpdates';
import type { ControllerContext } from './controllerContext';

const SEND_EVERY_MS = 3000;
const REMOTE_TTL_MS = 6000;

export class TypingTracker {
  private readonly ctx: ControllerContext;
  private readonly lastSent = new Map<string, number>();
  private readonly expiryTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /** The user typed in the composer of `conversationId`. */
  typed(conversationId: string): void {
    const now = Date.now();
    if (now - (this.lastSent.get(conversationId) ?? 0) < SEND_EVERY_MS) return;
    if (!this.ctx.hub.isConnected) return;
    this.lastSent.set(conversationId, now);
    this.ctx.hub.connection.send('Typing', conversationId, true).catch(() => undefined);
  }

  /** Sent, cleared or left the composer. */
  stopped(conversationId: string): void {
    if (!this.lastSent.has(conversationId)) return;
    this.lastSent.delete(conversationId);
    if (!this.ctx.hub.isConnected) return;
    this.ctx.hub.connection.send('Typing', conversationId, false).catch(() => undefined);
  }

  /** A Typing event from the hub. */
  received(event: TypingEvent): void {
    if (event.userId === this.ctx.myUserId) return;
    const key = `${event.conversationId}|${event.userId}`;
    const existing = this.expiryTimers.get(key);
    if (existing) clearTimeout(existing);
    this.expiryTimers.delete(key);
    if (!event.isTyping) {
      this.ctx.store.updateConversation(event.conversationId, (c) => applyTyping(c, event.userId, null));
      return;
    }
    this.ctx.store.updateConversation(event.conversationId, (c) => applyTyping(c, event.userId, Date.now() + REMOTE_TTL_MS));
    this.expiryTimers.set(
      key,
      setTimeout(() => {
        this.expiryTimers.delete(key);
        this.ctx.store.updateConversation(event.conversationId, (c) => pruneTyping(c, Date.now()));
      }, REMOTE_TTL_MS + 50),
    );
  }

  dispose(): void {
    for (const timer of this.expiryTimers.values()) clearTimeout(timer);
    this.expiryTimers.clear();
  }
}
