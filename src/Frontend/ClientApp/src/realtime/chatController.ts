// The signed-in chat session: one store, one hub connection and the logic that keeps them in step.
import { createConversation as postConversation } from '../api/conversations';
import { SessionEndedError } from '../api/errors';
import { getAccessToken } from '../api/session';
import type {
  ConversationAddedEvent,
  ConversationType,
  Message,
  PresenceEvent,
  ReceiptEvent,
  TypingEvent,
} from '../api/types';
import type { FileInfo } from '../api/files';
import { getMe } from '../api/users';
import { AttachmentTray } from '../files/attachmentTray';
import { AvatarDirectory } from '../files/avatarDirectory';
import { ProcessedFiles } from '../files/processedFiles';
import type { MediaDraft } from '../files/mediaDrafts';
import { ConversationLoader } from '../conversations/conversationLoader';
import { HistoryWindows } from '../conversations/historyWindows';
import { GroupActions } from '../groups/groupActions';
import { resolveUsernames } from '../groups/resolveUsernames';
import { loadOutbox, saveOutbox } from '../messages/outboxStorage';
import { OutboxSender, type SendOptions } from '../messages/outboxSender';
import { ChatStore } from '../store/chatStore';
import { applyMessages, applyReceipt, emptyConversation as emptyConversationFor } from '../store/conversationUpdates';
import type { OutboxItem } from '../store/types';
import { ChatHub } from './chatHub';
import type { ControllerContext } from './controllerContext';
import { MessageActionsSender } from './messageActionsSender';
import { PresenceWatcher } from './presenceWatcher';
import { ReadTracker } from './readTracker';
import { ScheduledSender } from './scheduledSender';
import { SyncEngine } from './syncEngine';
import { TypingTracker } from './typingTracker';

export class ChatController implements ControllerContext {
  readonly store: ChatStore;
  readonly hub: ChatHub;
  readonly myUserId: string;
  readonly loader: ConversationLoader;
  /** History opened at a message far from the newest (search hits), and the way back to live. */
  readonly windows: HistoryWindows;
  private readonly sync: SyncEngine;
  private readonly outbox: OutboxSender;
  private readonly reads: ReadTracker;
  private readonly typing: TypingTracker;
  /** Edit, delete and react. */
  readonly messageActions: MessageActionsSender;
  /** Messages the server sends later. */
  readonly scheduled: ScheduledSender;
  /** Rename, members, roles, leave and invite links, and the membership events. */
  readonly groups: GroupActions;
  private readonly presence: PresenceWatcher;
  /** Files being uploaded from each conversation's composer. */
  readonly attachments: AttachmentTray;
  /** FileProcessed for anyone waiting on one file. */
  readonly processedFiles = new ProcessedFiles();
  /** Who shows which profile photo. */
  readonly avatars: AvatarDirectory;
  private disposed = false;
  private savedOutbox: readonly OutboxItem[] = [];
  private readonly cleanups: Array<() => void> = [];

  constructor(myUserId: string) {
    this.myUserId = myUserId;
    this.store = new ChatStore(myUserId);
    this.hub = new ChatHub({
      accessToken: () => getAccessToken(),
      onStatus: (status) =>
        this.store.update((s) =>
          s.connection === status ? s : { ...s, connection: status, everConnected: s.everConnected || status === 'connected' },
        ),
      onConnected: () => void this.onConnected(),
      checkSession: () => this.checkSession(),
    });
    this.loader = new ConversationLoader(this);
    this.windows = new HistoryWindows(this);
    this.sync = new SyncEngine(this);
    this.outbox = new OutboxSender(this);
    this.reads = new ReadTracker(this);
    this.typing = new TypingTracker(this);
    this.messageActions = new MessageActionsSender(this);
    this.scheduled = new ScheduledSender(this);
    this.groups = new GroupActions(this, this.loader);
    this.presence = new PresenceWatcher(this);
    this.avatars = new AvatarDirectory(this.store);
    this.attachments = new AttachmentTray((conversationId, drafts, options) => this.sendMedia(conversationId, drafts, options));
    this.registerHandlers();
  }

  isDisposed(): boolean {
    return this.disposed;
  }

  refreshList(): Promise<void> {
    return this.loader.refreshList();
  }

  start(): void {
    const restored = loadOutbox(this.myUserId);
    this.savedOutbox = restored;
    if (restored.length) this.store.update((s) => ({ ...s, outbox: restored }));
    this.cleanups.push(this.store.subscribe(() => this.persistOutbox()));
    this.cleanups.push(this.store.subscribe(() => this.presence.watchOnScreen()));

    const onVisible = () => {
      if (document.visibilityState === 'visible') this.reads.scheduleRead(this.store.getState().openConversationId);
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    this.cleanups.push(() => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    });

    getMe()
      .then((me) => {
        if (this.disposed) return;
        this.store.update((s) => ({
          ...s,
          me,
          users: { ...s.users, [me.userId]: { userId: me.userId, username: me.username, displayName: me.displayName } },
        }));
      })
      .catch(() => undefined);
    void this.loader.refreshList();
    this.hub.start();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.reads.dispose();
    this.typing.dispose();
    this.outbox.dispose();
    this.attachments.dispose();
    await this.hub.stop();
  }

  // ---- actions used by the UI -------------------------------------------------------------

  openConversation(conversationId: string | null): void {
    const previous = this.store.getState().openConversationId;
    if (previous && previous !== conversationId) {
      this.typing.stopped(previous);
      // A search hit's history is for that visit: coming back shows the newest again.
      this.windows.returnToLive(previous);
    }
    this.store.update((s) => (s.openConversationId === conversationId ? s : { ...s, openConversationId: conversationId }));
    if (!conversationId) return;
    const conversation = this.store.conversation(conversationId);
    if (conversation && !conversation.members) void this.loader.loadDetails(conversationId);
    if (conversation && !conversation.historyLoaded) void this.loader.loadOlder(conversationId);
    this.reads.scheduleRead(conversationId);
  }

  /** The page before the oldest shown message: of the open history window, or of the live run. */
  loadOlder(conversationId: string): Promise<void> {
    if (this.store.conversation(conversationId)?.window) return this.windows.loadOlder(conversationId);
    return this.loader.loadOlder(conversationId);
  }

  sendMessage(conversationId: string, content: string, options: SendOptions = {}): void {
    const text = content.replace(/\s+$/u, '');
    if (!text.trim()) return;
    // An own message shows at the live end: leave a search hit's history for it.
    this.windows.returnToLive(conversationId);
    this.typing.stopped(conversationId);
    // An own send is activity: the conversation goes to the top of the list at once.
    this.store.updateConversation(conversationId, (c) => ({ ...c, lastActivity: Math.max(c.lastActivity, Date.now()) }));
    this.outbox.enqueue(conversationId, text, options);
  }

  /** Media messages whose files are complete: into the outbox, in order, like text. */
  sendMedia(conversationId: string, drafts: readonly MediaDraft[], options: SendOptions = {}): void {
    if (drafts.length === 0) return;
    this.windows.returnToLive(conversationId);
    this.typing.stopped(conversationId);
    this.store.updateConversation(conversationId, (c) => ({ ...c, lastActivity: Math.max(c.lastActivity, Date.now()) }));
    drafts.forEach((draft, index) =>
      // Only the first carries the reply: the rest belong to the same send.
      this.outbox.enqueue(conversationId, draft.content.replace(/\s+$/u, ''), index === 0 ? options : { expiresInSeconds: options.expiresInSeconds }, draft),
    );
  }

  /** After a profile change: the new name shows in the header and wherever the user is named. */
  updateMyDisplayName(displayName: string): void {
    this.store.update((s) => {
      const me = s.me ? { ...s.me, displayName } : s.me;
      const known = s.users[this.myUserId];
      const users = known ? { ...s.users, [this.myUserId]: { ...known, displayName } } : s.users;
      return { ...s, me, users };
    });
  }

  retryMessage(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
  }

  discardMessage(clientMessageId: string): void {
    this.outbox.discard(clientMessageId);
  }

  typed(conversationId: string): void {
    this.typing.typed(conversationId);
  }

  stoppedTyping(conversationId: string): void {
    this.typing.stopped(conversationId);
  }

  /**
   * Creates (or, for a direct chat, finds) a conversation with members given by username.
   * Returns its id; throws an Error with a readable message on failure.
   */
  async createConversation(type: ConversationType, name: string, usernames: string[]): Promise<string> {
    const users = await resolveUsernames(usernames);
    // Remember who they are: conversation details name members by id only.
    this.store.update((s) => {
      const known = { ...s.users };
      for (const user of users) known[user.userId] = { userId: user.userId, username: user.username, displayName: user.displayName };
      return { ...s, users: known };
    });
    const memberIds = users.map((u) => u.userId).filter((id) => id !== this.myUserId);
    if (type === 'direct' && memberIds.length !== 1) {
      throw new Error(users.length ? 'That is you. Pick someone else to chat with.' : 'Enter a username.');
    }
    const details = await postConversation({ type, name: type === 'direct' ? undefined : name.trim(), memberIds });
    this.loader.applyDetails(details);
    this.store.updateConversation(details.conversationId, (c) => ({
      ...c,
      lastActivity: Math.max(c.lastActivity, Date.now()),
      inaccessible: false,
    }));
    void this.loader.loadDetails(details.conversationId);
    void this.loader.refreshList();
    return details.conversationId;
  }

  // ---- ingest -------------------------------------------------------------------------------

  ingest(messages: readonly Message[], source: 'live' | 'sync' | 'history' | 'ack'): void {
    if (this.disposed || messages.length === 0) return;
    const byConversation = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byConversation.get(message.conversationId);
      if (list) list.push(message);
      else byConversation.set(message.conversationId, [message]);
    }
    for (const [conversationId, list] of byConversation) {
      const known = Boolean(this.store.conversation(conversationId));
      let added: Message[] = [];
      const ownIds = new Set(list.filter((m) => m.senderId === this.myUserId && m.clientMessageId).map((m) => m.clientMessageId));
      this.store.update((state) => {
        const before = state.conversations[conversationId];
        const base = before ?? emptyConversationFor(conversationId);
        const result = applyMessages(base, list, this.myUserId);
        added = result.added;
        const outbox = ownIds.size
          ? state.outbox.filter((item) => !(item.conversationId === conversationId && ownIds.has(item.clientMessageId)))
          : state.outbox;
        if (result.conversation === before && outbox.length === state.outbox.length) return state;
        return {
          ...state,
          outbox: outbox.length === state.outbox.length ? state.outbox : outbox,
          conversations: { ...state.conversations, [conversationId]: result.conversation },
        };
      });
      if (!known) {
        void this.loader.refreshList();
        void this.loader.loadDetails(conversationId);
      } else if (source === 'live' && this.namesUnknownSender(conversationId, added)) {
        void this.loader.loadDetails(conversationId);
      }
      // The server counts what a Sync returned as delivered (and says so to the senders) by itself.
      this.reads.onMessagesAdded(conversationId, added, source === 'sync');
      if (source === 'live' && this.sync.hasGap(conversationId)) void this.sync.syncConversation(conversationId);
      if (source === 'ack' && this.sync.hasGap(conversationId)) {
        // The event for the message before ours is probably on its way; fill the gap if not.
        setTimeout(() => {
          if (!this.disposed && this.sync.hasGap(conversationId)) void this.sync.syncConversation(conversationId);
        }, 1500);
      }
    }
  }

  /** The list row names a group message's sender: true when the group's members (and so the name) are not loaded. */
  private namesUnknownSender(conversationId: string, added: readonly Message[]): boolean {
    const state = this.store.getState();
    const conversation = state.conversations[conversationId];
    if (conversation?.type !== 'group' || conversation.members) return false;
    return added.some((m) => m.senderId !== this.myUserId && !state.users[m.senderId]);
  }

  // ---- hub ----------------------------------------------------------------------------------

  private registerHandlers(): void {
    const connection = this.hub.connection;
    connection.on('MessageReceived', (message: Message) => this.ingest([message], 'live'));
    connection.on('ReadReceipt', (receipt: ReceiptEvent) =>
      this.store.updateConversation(receipt.conversationId, (c) => applyReceipt(c, receipt, 'read', this.myUserId)),
    );
    connection.on('DeliveryReceipt', (receipt: ReceiptEvent) =>
      this.store.updateConversation(receipt.conversationId, (c) => applyReceipt(c, receipt, 'delivered', this.myUserId)),
    );
    connection.on('FileProcessed', (file: FileInfo) => {
      this.attachments.fileProcessed(file);
      this.processedFiles.received(file);
    });
    connection.on('Typing', (event: TypingEvent) => this.typing.received(event));
    connection.on('PresenceChanged', (event: PresenceEvent) => this.presence.received(event));
    connection.on('ConversationAdded', (event: ConversationAddedEvent) => {
      this.store.upsertConversation(event.conversationId, (c) => ({
        ...c,
        type: event.type ?? c.type,
        name: event.name ?? c.name,
        lastActivity: c.lastActivity || Date.now(),
        inaccessible: false,
      }));
      void this.loader.refreshList();
      void this.loader.loadDetails(event.conversationId);
    });
  }

  private async onConnected(): Promise<void> {
    // A new connection (maybe to another Frontend) watches nobody yet.
    this.presence.rewatchAll();
    await this.loader.refreshList();
    if (this.disposed || !this.hub.isConnected) return;
    await this.sync.syncAll();
    if (this.disposed) return;
    // What arrived while we were away is on screen now: say so before our queued messages go out.
    await this.reads.markOpenReadNow();
    if (this.disposed) return;
    void this.outbox.flush();
    this.reads.resendAfterReconnect();
    const open = this.store.getState().openConversationId;
    const conversation = open ? this.store.conversation(open) : undefined;
    if (open && conversation && !conversation.historyLoaded) void this.loader.loadOlder(open);
    // Receipts sent while we were away are in the members' cursors: the ticks catch up.
    if (open && conversation?.members) void this.loader.loadDetails(open);
  }

  private async checkSession(): Promise<boolean> {
    try {
      await getMe();
      return true;
    } catch (error) {
      return !(error instanceof SessionEndedError);
    }
  }

  private persistOutbox(): void {
    const outbox = this.store.getState().outbox;
    if (outbox === this.savedOutbox) return;
    this.savedOutbox = outbox;
    saveOutbox(this.myUserId, outbox);
  }
}
