// Sends the outbox in order over the hub. Every item keeps its clientMessageId, so a retry after
// a lost ack returns the same ack from the server instead of a second message.
import type { Message, SendMessageAck, SendMessageRequest } from '../api/types';
import { serverCloseReason } from '../realtime/chatHub';
import type { ControllerContext } from '../realtime/controllerContext';
import { hubErrorCode, hubErrorText, isTransientHubError } from '../realtime/hubErrors';
import type { OutboxItem } from '../store/types';
import type { MediaDraft } from '../files/mediaDrafts';
import { newId } from './newId';

const MAX_SERVER_FAILURES = 4;

/** How a new message is sent: as a reply, and/or deleted for everyone after a while. */
export interface SendOptions {
  replyToSeq?: number;
  expiresInSeconds?: number;
}

export class OutboxSender {
  private readonly ctx: ControllerContext;
  private running = false;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private backoffMs = 1000;
  /** Server-side failures per message; a message is marked failed after a few. */
  private readonly serverFailures = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /**
   * Queues a new message and tries to send it. A media message comes here only once its files are
   * complete (files/attachmentTray.ts), so everything in the outbox can be sent after a reload.
   */
  enqueue(conversationId: string, content: string, options: SendOptions = {}, media?: MediaDraft): OutboxItem {
    const { replyToSeq, expiresInSeconds } = options;
    const item: OutboxItem = {
      clientMessageId: newId(),
      conversationId,
      content,
      createdAt: new Date().toISOString(),
      status: 'pending',
      ...(replyToSeq ? { replyToSeq } : {}),
      ...(expiresInSeconds ? { expiresInSeconds } : {}),
      ...(media ? { type: media.type, metadata: media.metadata, files: media.files } : {}),
    };
    this.ctx.store.update((state) => ({ ...state, outbox: [...state.outbox, item] }));
    void this.flush();
    return item;
  }

  retry(clientMessageId: string): void {
    this.ctx.store.update((state) => ({
      ...state,
      outbox: state.outbox.map((item) =>
        item.clientMessageId === clientMessageId ? { ...item, status: 'pending', error: undefined } : item,
      ),
    }));
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.ctx.store.update((state) => ({
      ...state,
      outbox: state.outbox.filter((item) => item.clientMessageId !== clientMessageId),
    }));
  }

  dispose(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Sends pending items one by one, oldest first, while connected. */
  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.drain();
      } while (this.again && !this.ctx.isDisposed());
    } finally {
      this.running = false;
    }
  }

  private async drain(): Promise<void> {
    while (!this.ctx.isDisposed() && this.ctx.hub.isConnected) {
      const item = this.ctx.store.getState().outbox.find((entry) => entry.status === 'pending');
      if (!item) return;
      const request: SendMessageRequest = {
        conversationId: item.conversationId,
        clientMessageId: item.clientMessageId,
        content: item.content,
        type: item.type ?? 'text',
        ...(item.metadata ? { metadata: item.metadata } : {}),
        ...(item.replyToSeq ? { replyToSeq: item.replyToSeq } : {}),
        ...(item.expiresInSeconds ? { expiresInSeconds: item.expiresInSeconds } : {}),
      };
      try {
        const ack = await this.ctx.hub.connection.invoke<SendMessageAck>('SendMessage', request);
        this.backoffMs = 1000;
        this.serverFailures.delete(item.clientMessageId);
        this.acknowledge(item, ack);
      } catch (error) {
        // A frame the server refused by closing the connection (over 1 MiB, not SignalR) would be
        // refused again on every reconnect: it counts as the message's own failure, like a hub error.
        const refused = serverCloseReason(error);
        const code = hubErrorCode(error) ?? refused?.code ?? null;
        if (code === null) {
          // Connection lost: the reconnect handler flushes again; nothing counts against the message.
          if (this.ctx.hub.isConnected) this.scheduleRetry();
          return;
        }
        const attempts = (this.serverFailures.get(item.clientMessageId) ?? 0) + 1;
        this.serverFailures.set(item.clientMessageId, attempts);
        if (!isTransientHubError(code) || attempts >= MAX_SERVER_FAILURES) {
          this.serverFailures.delete(item.clientMessageId);
          this.fail(item, refused?.text ?? hubErrorText(error));
          continue;
        }
        // The server is busy or briefly failing: keep the order and try again shortly.
        this.scheduleRetry();
        return;
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private fail(item: OutboxItem, error: string): void {
    this.ctx.store.update((state) => ({
      ...state,
      outbox: state.outbox.map((entry) =>
        entry.clientMessageId === item.clientMessageId ? { ...entry, status: 'failed', error } : entry,
      ),
    }));
  }

  private acknowledge(item: OutboxItem, ack: SendMessageAck): void {
    const message: Message = {
      conversationId: ack.conversationId || item.conversationId,
      seq: ack.seq,
      messageId: ack.messageId,
      senderId: this.ctx.myUserId,
      clientMessageId: item.clientMessageId,
      type: item.type ?? 'text',
      content: item.content,
      replyToSeq: item.replyToSeq ?? null,
      // The server writes metadata.files itself; until its copy arrives, ours stands in.
      metadata: item.metadata ? { ...item.metadata, files: item.files ?? [] } : null,
      sentAt: ack.sentAt,
      // The ack has no expiresAt; the server counts it from the send, as here.
      ...(item.expiresInSeconds
        ? { expiresAt: new Date(Date.parse(ack.sentAt) + item.expiresInSeconds * 1000).toISOString() }
        : {}),
    };
    // ingest() drops the outbox entry with this clientMessageId and files the message by seq.
    this.ctx.ingest([message], 'ack');
  }
}
