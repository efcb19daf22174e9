// Catch-up through the hub's Sync: everything after each conversation's syncedSeq.
import type { Message, SyncCursor } from '../api/types';
import type { ControllerContext } from './controllerContext';
import { hubErrorCode } from './hubErrors';

/** The server answers at most this many messages per conversation in one Sync. */
const SERVER_SYNC_PAGE = 1000;
/** And takes at most this many cursors in one call. */
const MAX_CURSORS = 500;

export class SyncEngine {
  private readonly ctx: ControllerContext;
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /** On (re)connect: one Sync for every known conversation. */
  async syncAll(): Promise<void> {
    const cursors = this.cursors();
    for (let i = 0; i < cursors.length; i += MAX_CURSORS) {
      const chunk = cursors.slice(i, i + MAX_CURSORS);
      let messages: Message[];
      try {
        messages = await this.ctx.hub.connection.invoke<Message[]>('Sync', chunk);
      } catch (error) {
        if (hubErrorCode(error) === null) return; // connection lost; the next connect syncs again
        // One conversation may be refused (e.g. we were removed): sync them one by one.
        await Promise.all(chunk.map((cursor) => this.syncConversation(cursor.conversationId)));
        continue;
      }
      if (this.ctx.isDisposed()) return;
      this.ctx.ingest(messages ?? [], 'sync');
      this.followUpFull(messages ?? []);
    }
  }

  /** Fills a gap in one conversation (seq jumped), coalescing concurrent requests. */
  async syncConversation(conversationId: string): Promise<void> {
    if (this.running.has(conversationId)) {
      this.rerun.add(conversationId);
      return;
    }
    this.running.add(conversationId);
    try {
      for (let round = 0; round < 20; round += 1) {
        this.rerun.delete(conversationId);
        const conversation = this.ctx.store.conversation(conversationId);
        if (!conversation || conversation.syncedSeq === null || conversation.inaccessible || !this.ctx.hub.isConnected) return;
        const before = conversation.syncedSeq;
        let messages: Message[];
        try {
          messages = await this.ctx.hub.connection.invoke<Message[]>('Sync', [{ conversationId, afterSeq: before }]);
        } catch (error) {
          const code = hubErrorCode(error);
          if (code === 'forbidden' || code === 'not_found') {
            this.ctx.store.updateConversation(conversationId, (c) => ({ ...c, inaccessible: true }));
          }
          return;
        }
        if (this.ctx.isDisposed()) return;
        this.ctx.ingest(messages ?? [], 'sync');
        const after = this.ctx.store.conversation(conversationId);
        const progressed = (after?.syncedSeq ?? before) > before;
        const full = (messages?.length ?? 0) >= SERVER_SYNC_PAGE;
        if (!(this.rerun.has(conversationId) || (progressed && (full || this.hasGap(conversationId))))) return;
      }
    } finally {
      this.running.delete(conversationId);
    }
  }

  /** True when messages beyond the contiguous range are known (something in between is missing). */
  hasGap(conversationId: string): boolean {
    const conversation = this.ctx.store.conversation(conversationId);
    if (!conversation || conversation.syncedSeq === null) return false;
    const last = conversation.messages[conversation.messages.length - 1];
    return Boolean(last && last.seq > conversation.syncedSeq);
  }

  private cursors(): SyncCursor[] {
    const { conversations } = this.ctx.store.getState();
    return Object.values(conversations)
      .filter((c) => c.syncedSeq !== null && !c.inaccessible)
      .map((c) => ({ conversationId: c.id, afterSeq: c.syncedSeq as number }));
  }

  /** A conversation that hit the server's per-conversation cap has more to fetch. */
  private followUpFull(messages: readonly Message[]): void {
    const counts = new Map<string, number>();
    for (const message of messages) counts.set(message.conversationId, (counts.get(message.conversationId) ?? 0) + 1);
    for (const [conversationId, count] of counts) {
      if (count >= SERVER_SYNC_PAGE || this.hasGap(conversationId)) void this.syncConversation(conversationId);
    }
  }
}
