// Tells the server what this device has received (MarkDelivered) and shown (MarkRead).
// A conversation counts as read while it is open and the page is visible.
import type { Message } from '../api/types';
import { applyLocalRead } from '../store/conversationUpdates';
import type { ControllerContext } from './controllerContext';

export class ReadTracker {
  private readonly ctx: ControllerContext;
  private readonly sentRead = new Map<string, number>();
  private readonly sentDelivered = new Map<string, number>();
  private readonly readTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly deliveredTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  isShown(conversationId: string): boolean {
    return (
      this.ctx.store.getState().openConversationId === conversationId &&
      typeof document !== 'undefined' &&
      document.visibilityState === 'visible'
    );
  }

  /** Newly known messages of a conversation; `deliveredByServer` when they came by Sync, which counts as delivery. */
  onMessagesAdded(conversationId: string, added: readonly Message[], deliveredByServer = false): void {
    let newestFromOthers = 0;
    for (const message of added) {
      if (message.senderId !== this.ctx.myUserId && message.seq > newestFromOthers) newestFromOthers = message.seq;
    }
    if (newestFromOthers === 0) return;
    if (deliveredByServer) {
      this.sentDelivered.set(conversationId, Math.max(this.sentDelivered.get(conversationId) ?? 0, newestFromOthers));
    }
    if (this.isShown(conversationId)) this.scheduleRead(conversationId);
    else if (!deliveredByServer) this.scheduleDelivered(conversationId);
  }

  /** The open conversation became visible, was opened, or the hub reconnected. */
  scheduleRead(conversationId: string | null): void {
    if (!conversationId || this.readTimers.has(conversationId)) return;
    this.readTimers.set(
      conversationId,
      setTimeout(() => {
        this.readTimers.delete(conversationId);
        void this.markRead(conversationId);
      }, 120),
    );
  }

  /**
   * Marks the open, visible conversation read right away (no debounce) and waits for the server.
   * Used after a reconnect's Sync and before the outbox goes out: the server moves a sender's read
   * cursor to their own new message without a ReadReceipt, so a MarkRead sent after our queued
   * messages would never tell the others that we saw what arrived while we were away.
   */
  async markOpenReadNow(): Promise<void> {
    const open = this.ctx.store.getState().openConversationId;
    if (!open || !this.isShown(open)) return;
    const timer = this.readTimers.get(open);
    if (timer !== undefined) clearTimeout(timer);
    this.readTimers.delete(open);
    await this.markRead(open);
  }

  scheduleDelivered(conversationId: string): void {
    if (this.deliveredTimers.has(conversationId)) return;
    this.deliveredTimers.set(
      conversationId,
      setTimeout(() => {
        this.deliveredTimers.delete(conversationId);
        void this.markDelivered(conversationId);
      }, 250),
    );
  }

  /** After a reconnect the server may have missed earlier calls: send them again. */
  resendAfterReconnect(): void {
    const open = this.ctx.store.getState().openConversationId;
    if (open && this.isShown(open)) this.scheduleRead(open);
    for (const conversationId of Object.keys(this.ctx.store.getState().conversations)) {
      const sent = this.sentDelivered.get(conversationId) ?? 0;
      if (this.newestFromOthers(conversationId) > sent) this.scheduleDelivered(conversationId);
    }
  }

  dispose(): void {
    for (const timer of this.readTimers.values()) clearTimeout(timer);
    for (const timer of this.deliveredTimers.values()) clearTimeout(timer);
    this.readTimers.clear();
    this.deliveredTimers.clear();
  }

  private newestFromOthers(conversationId: string): number {
    const conversation = this.ctx.store.conversation(conversationId);
    if (!conversation) return 0;
    for (let i = conversation.messages.length - 1; i >= 0; i -= 1) {
      const message = conversation.messages[i];
      if (message.senderId !== this.ctx.myUserId) return message.seq;
    }
    return 0;
  }

  private async markRead(conversationId: string): Promise<void> {
    if (this.ctx.isDisposed() || !this.isShown(conversationId)) return;
    const conversation = this.ctx.store.conversation(conversationId);
    if (!conversation || conversation.lastSeq <= 0) return;
    const seq = conversation.lastSeq;
    this.ctx.store.updateConversation(conversationId, (c) => applyLocalRead(c, seq));
    if ((this.sentRead.get(conversationId) ?? 0) >= seq || !this.ctx.hub.isConnected) return;
    try {
      await this.ctx.hub.connection.invoke('MarkRead', conversationId, seq);
      this.sentRead.set(conversationId, Math.max(this.sentRead.get(conversationId) ?? 0, seq));
      this.sentDelivered.set(conversationId, Math.max(this.sentDelivered.get(conversationId) ?? 0, seq));
    } catch {
      // Sent again on the next reconnect or message.
    }
  }

  private async markDelivered(conversationId: string): Promise<void> {
    if (this.ctx.isDisposed() || !this.ctx.hub.isConnected) return;
    const seq = this.newestFromOthers(conversationId);
    if (seq <= (this.sentDelivered.get(conversationId) ?? 0)) return;
    try {
      await this.ctx.hub.connection.invoke('MarkDelivered', conversationId, seq);
      this.sentDelivered.set(conversationId, Math.max(this.sentDelivered.get(conversationId) ?? 0, seq));
    } catch {
      // Sent again on the next reconnect or message.
    }
  }
}
