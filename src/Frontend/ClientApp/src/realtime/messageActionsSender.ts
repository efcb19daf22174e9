// Edit, delete and react over the hub, and the events that tell every member's devices about them.
import type { Message, MessageHiddenEvent, ReactionChangedEvent } from '../api/types';
import { applyLastMessageUpdate } from '../store/conversationUpdates';
import { applyDeletedForEveryone, applyHidden, applyReaction } from '../store/messageActions';
import { indexOfSeq } from '../store/messageList';
import type { ControllerContext } from './controllerContext';
import { hubErrorText } from './hubErrors';

/** A failed action, with the server's reason in words. */
export class MessageActionError extends Error {
  constructor(action: string, cause: unknown) {
    super(`Could not ${action}: ${hubErrorText(cause)}`);
    this.name = 'MessageActionError';
  }
}

export class MessageActionsSender {
  private readonly ctx: ControllerContext;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    const connection = ctx.hub.connection;
    connection.on('MessageUpdated', (message: Message) => {
      const conversation = this.ctx.store.conversation(message.conversationId);
      // Not loaded, or hidden by this user: history brings its current form when it is shown; the
      // list's preview changes now.
      if (!conversation || (indexOfSeq(conversation.messages, message.seq) < 0 && message.seq <= conversation.lastSeq)) {
        this.ctx.store.updateConversation(message.conversationId, (c) => applyLastMessageUpdate(c, message));
        return;
      }
      this.ctx.ingest([message], 'live');
    });
    connection.on('MessageHidden', (event: MessageHiddenEvent) => {
      this.ctx.store.updateConversation(event.conversationId, (c) => applyHidden(c, event.seq));
      // The list's last message was hidden and nothing before it is loaded here: the server knows the one before.
      const after = this.ctx.store.conversation(event.conversationId);
      if (after && after.lastMessage === null && after.lastSeq > 0) void this.ctx.refreshList();
    });
    connection.on('ReactionChanged', (event: ReactionChangedEvent) =>
      this.ctx.store.updateConversation(event.conversationId, (c) => applyReaction(c, event.seq, event.userId, event.emoji, event.added)),
    );
  }

  async edit(conversationId: string, seq: number, content: string): Promise<void> {
    const message = await this.invoke<Message>('edit the message', 'EditMessage', conversationId, seq, content);
    if (message) this.ctx.ingest([message], 'live');
  }

  async delete(conversationId: string, seq: number, forEveryone: boolean): Promise<void> {
    await this.invoke<void>('delete the message', 'DeleteMessage', conversationId, seq, forEveryone);
    this.ctx.store.updateConversation(conversationId, (c) =>
      forEveryone ? applyDeletedForEveryone(c, seq) : applyHidden(c, seq),
    );
  }

  /** Toggles the user's reaction; the answer says whether it is now there. */
  async react(conversationId: string, seq: number, emoji: string): Promise<void> {
    const present = await this.invoke<boolean>('react', 'React', conversationId, seq, emoji);
    this.ctx.store.updateConversation(conversationId, (c) => applyReaction(c, seq, this.ctx.myUserId, emoji, Boolean(present)));
  }

  private async invoke<T>(action: string, method: string, ...args: unknown[]): Promise<T> {
    if (!this.ctx.hub.isConnected) throw new MessageActionError(action, new Error('you are offline'));
    try {
      return await this.ctx.hub.connection.invoke<T>(method, ...args);
    } catch (error) {
      throw new MessageActionError(action, error);
    }
  }
}
