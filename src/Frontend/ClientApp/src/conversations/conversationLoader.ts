// HTTP side of conversations: the list, details (members), and history pages.
import { getConversation, getMessages, listConversations } from '../api/conversations';
import { ApiError, describeError, SessionEndedError } from '../api/errors';
import type { ConversationDetails, UserSummary } from '../api/types';
import type { ControllerContext } from '../realtime/controllerContext';
import { applyDetails, applySummary, emptyConversation as emptyFor } from '../store/conversationUpdates';
import type { ConversationState } from '../store/types';

const HISTORY_PAGE = 50;
const DETAILS_CONCURRENCY = 3;

export class ConversationLoader {
  private readonly ctx: ControllerContext;
  private listInFlight: Promise<void> | null = null;
  private listAgain = false;
  private readonly detailsInFlight = new Map<string, Promise<void>>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /** Loads the conversation list; concurrent calls share one request plus at most one re-run. */
  refreshList(): Promise<void> {
    if (this.listInFlight) {
      this.listAgain = true;
      return this.listInFlight;
    }
    this.listInFlight = (async () => {
      try {
        do {
          this.listAgain = false;
          await this.loadListOnce();
        } while (this.listAgain && !this.ctx.isDisposed());
      } finally {
        this.listInFlight = null;
      }
    })();
    return this.listInFlight;
  }

  private async loadListOnce(): Promise<void> {
    const { store, myUserId } = this.ctx;
    try {
      const list = await listConversations();
      if (this.ctx.isDisposed()) return;
      store.update((state) => {
        const conversations = { ...state.conversations };
        list.forEach((summary, index) => {
          const existing = conversations[summary.conversationId];
          const base = existing ?? emptyFor(summary.conversationId);
          conversations[summary.conversationId] = applySummary(base, summary, index, myUserId);
        });
        return { ...state, conversations, listStatus: 'ready', listError: null };
      });
      void this.loadMissingDetails();
    } catch (error) {
      if (error instanceof SessionEndedError || this.ctx.isDisposed()) return;
      store.update((state) => ({
        ...state,
        listStatus: state.listStatus === 'ready' ? 'ready' : 'error',
        listError: describeError(error),
      }));
    }
  }

  /** Members are needed for names of direct chats and unnamed groups, and of who wrote a group's last message. */
  private async loadMissingDetails(): Promise<void> {
    const { users } = this.ctx.store.getState();
    const namesSender = (c: ConversationState) =>
      c.type === 'group' && c.lastMessage !== null && c.lastMessage.senderId !== this.ctx.myUserId && !users[c.lastMessage.senderId];
    const queue = Object.values(this.ctx.store.getState().conversations)
      .filter((c) => !c.members && !c.inaccessible && (c.type === 'direct' || !c.name || namesSender(c)))
      .map((c) => c.id);
    const workers = Array.from({ length: DETAILS_CONCURRENCY }, async () => {
      while (queue.length && !this.ctx.isDisposed()) {
        const id = queue.shift();
        if (id) await this.loadDetails(id);
      }
    });
    await Promise.all(workers);
  }

  loadDetails(conversationId: string): Promise<void> {
    const existing = this.detailsInFlight.get(conversationId);
    if (existing) return existing;
    const work = (async () => {
      try {
        const details = await getConversation(conversationId);
        if (!this.ctx.isDisposed()) this.applyDetails(details);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
          this.ctx.store.updateConversation(conversationId, (c) => ({ ...c, inaccessible: true }));
        }
      } finally {
        this.detailsInFlight.delete(conversationId);
      }
    })();
    this.detailsInFlight.set(conversationId, work);
    return work;
  }

  applyDetails(details: ConversationDetails): void {
    const { myUserId } = this.ctx;
    this.ctx.store.update((state) => {
      const before = state.conversations[details.conversationId] ?? emptyFor(details.conversationId);
      const users = { ...state.users };
      for (const member of details.members ?? []) {
        if (member.username || member.displayName) {
          const user: UserSummary = {
            userId: member.userId,
            username: member.username ?? users[member.userId]?.username ?? '',
            displayName: member.displayName ?? users[member.userId]?.displayName ?? member.username ?? '',
          };
          users[member.userId] = user;
        }
      }
      return {
        ...state,
        users,
        conversations: { ...state.conversations, [details.conversationId]: applyDetails(before, details, myUserId) },
      };
    });
  }

  /** The newest page when nothing is loaded yet, else the page before the oldest loaded message. */
  async loadOlder(conversationId: string): Promise<void> {
    const conversation = this.ctx.store.conversation(conversationId);
    if (!conversation || conversation.historyLoading || conversation.inaccessible) return;
    if (conversation.historyLoaded && !conversation.hasMoreOlder) return;
    const oldest = conversation.messages[0]?.seq;
    if (oldest === 1) {
      this.ctx.store.updateConversation(conversationId, (c) => ({ ...c, hasMoreOlder: false, historyLoaded: true }));
      return;
    }
    this.ctx.store.updateConversation(conversationId, (c) => ({ ...c, historyLoading: true, historyError: null }));
    try {
      const page = await getMessages(conversationId, { beforeSeq: oldest, limit: HISTORY_PAGE });
      if (this.ctx.isDisposed()) return;
      this.ctx.ingest(page.messages ?? [], 'history');
      this.ctx.store.updateConversation(conversationId, (c) => ({
        ...c,
        historyLoading: false,
        historyLoaded: true,
        hasMoreOlder: Boolean(page.hasMore) && (c.messages[0]?.seq ?? 0) !== 1,
      }));
    } catch (error) {
      if (this.ctx.isDisposed()) return;
      const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
      this.ctx.store.updateConversation(conversationId, (c) => ({
        ...c,
        historyLoading: false,
        historyError: describeError(error),
        inaccessible: refused || c.inaccessible,
      }));
    }
  }
}
