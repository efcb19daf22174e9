// Messages to be sent later by the server: the caller's waiting ones per conversation, kept
// in step with what the hub says (scheduled, cancelled, sent, or dropped as no longer sendable).
import type { Message, ScheduledMessage, ScheduledMessageFailedEvent } from '../api/types';
import { newId } from '../messages/newId';
import type { ControllerContext } from './controllerContext';
import { hubErrorText } from './hubErrors';

export interface ScheduledView {
  /** Null until loaded from the server; soonest first. */
  items: readonly ScheduledMessage[] | null;
  /** Why the last one the server could not send was dropped. */
  failure: string | null;
}

const EMPTY: ScheduledView = { items: null, failure: null };

export class ScheduledSender {
  private readonly ctx: ControllerContext;
  private readonly views = new Map<string, ScheduledView>();
  private readonly listeners = new Set<() => void>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    const connection = ctx.hub.connection;
    connection.on('ScheduledMessageFailed', (event: ScheduledMessageFailedEvent) =>
      this.change(event.conversationId, (view) => ({
        items: view.items?.filter((item) => item.scheduledId !== event.scheduledId) ?? null,
        failure: event.error || 'it could not be sent',
      })),
    );
    // Sent when due: it arrives as an ordinary message with the clientMessageId it was scheduled with.
    connection.on('MessageReceived', (message: Message) => {
      if (message.senderId !== ctx.myUserId) return;
      const items = this.views.get(message.conversationId)?.items;
      if (items?.some((item) => item.clientMessageId === message.clientMessageId)) {
        this.change(message.conversationId, (view) => ({
          ...view,
          items: view.items?.filter((item) => item.clientMessageId !== message.clientMessageId) ?? null,
        }));
      }
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  view(conversationId: string): ScheduledView {
    return this.views.get(conversationId) ?? EMPTY;
  }

  async load(conversationId: string): Promise<void> {
    const items = await this.invoke<ScheduledMessage[]>('GetScheduledMessages', conversationId);
    this.change(conversationId, (view) => ({ ...view, items: items ?? [] }));
  }

  /** Asks the server to send this text at `sendAt` (an ISO instant); throws with a readable message. */
  async schedule(conversationId: string, content: string, sendAt: string, options: { replyToSeq?: number; expiresInSeconds?: number } = {}): Promise<void> {
    const scheduled = await this.invoke<ScheduledMessage>('ScheduleMessage', {
      conversationId,
      clientMessageId: newId(),
      content,
      type: 'text',
      sendAt,
      ...(options.replyToSeq ? { replyToSeq: options.replyToSeq } : {}),
      ...(options.expiresInSeconds ? { expiresInSeconds: options.expiresInSeconds } : {}),
    });
    this.change(conversationId, (view) => ({
      failure: null,
      items: [...(view.items ?? []).filter((item) => item.scheduledId !== scheduled.scheduledId), scheduled].sort(
        (a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt),
      ),
    }));
  }

  async cancel(conversationId: string, scheduledId: string): Promise<void> {
    await this.invoke<void>('CancelScheduledMessage', conversationId, scheduledId);
    this.change(conversationId, (view) => ({ ...view, items: view.items?.filter((item) => item.scheduledId !== scheduledId) ?? null }));
  }

  dismissFailure(conversationId: string): void {
    this.change(conversationId, (view) => ({ ...view, failure: null }));
  }

  private change(conversationId: string, update: (view: ScheduledView) => ScheduledView): void {
    this.views.set(conversationId, update(this.view(conversationId)));
    for (const listener of this.listeners) listener();
  }

  private async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.ctx.hub.isConnected) throw new Error('You are offline.');
    try {
      return await this.ctx.hub.connection.invoke<T>(method, ...args);
    } catch (error) {
      throw new Error(hubErrorText(error));
    }
  }
}
