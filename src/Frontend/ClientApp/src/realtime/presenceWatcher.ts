// Presence of the people on screen: the partners of direct chats in the list and the members of the
// open conversation. Watched through the hub's WatchPresence (at most 200 ids a call), which answers
// with their presence now and then sends their changes while this user stays connected; every new
// connection starts over.
import type { PresenceEvent } from '../api/types';
import type { ChatState } from '../store/types';
import type { ControllerContext } from './controllerContext';

const MAX_IDS_PER_CALL = 200;

export class PresenceWatcher {
  private readonly ctx: ControllerContext;
  /** Asked for on this connection (answered or in flight). */
  private readonly watched = new Set<string>();
  private lastConversations: ChatState['conversations'] | null = null;
  private lastOpen: string | null = null;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /** After a (re)connect: forget what the old connection watched and watch everyone on screen again. */
  rewatchAll(): void {
    this.watched.clear();
    this.lastConversations = null;
    this.watchOnScreen();
  }

  /** Watches whoever is on screen and not watched yet; cheap when nothing relevant changed. */
  watchOnScreen(): void {
    const state = this.ctx.store.getState();
    if (!this.ctx.hub.isConnected) return;
    if (state.conversations === this.lastConversations && state.openConversationId === this.lastOpen) return;
    this.lastConversations = state.conversations;
    this.lastOpen = state.openConversationId;
    const fresh = [...onScreen(state)].filter((id) => !this.watched.has(id));
    if (fresh.length > 0) void this.watch(fresh);
  }

  /** A PresenceChanged event. */
  received(event: PresenceEvent): void {
    this.apply([event]);
    // Events carry lastSeen only when it is shown to everyone; ask for this viewer's view (contacts).
    if (event.status === 'offline' && !event.lastSeen && this.ctx.hub.isConnected) {
      void this.invoke([event.userId]);
    }
  }

  private async watch(userIds: string[]): Promise<void> {
    for (const id of userIds) this.watched.add(id);
    for (let i = 0; i < userIds.length; i += MAX_IDS_PER_CALL) {
      const chunk = userIds.slice(i, i + MAX_IDS_PER_CALL);
      if (!(await this.invoke(chunk))) for (const id of chunk) this.watched.delete(id);
    }
  }

  private async invoke(userIds: string[]): Promise<boolean> {
    try {
      const now = await this.ctx.hub.connection.invoke<PresenceEvent[]>('WatchPresence', userIds);
      if (!this.ctx.isDisposed()) this.apply(now ?? []);
      return true;
    } catch {
      // Lost connection: the next connect watches everyone again.
      return false;
    }
  }

  private apply(events: readonly PresenceEvent[]): void {
    if (events.length === 0) return;
    this.ctx.store.update((s) => {
      const presence = { ...s.presence };
      for (const event of events) presence[event.userId] = { status: event.status, lastSeen: event.lastSeen ?? null };
      return { ...s, presence };
    });
  }
}

/** Direct-chat partners in the list and the members of the open conversation (not oneself). */
function onScreen(state: ChatState): Set<string> {
  const ids = new Set<string>();
  for (const conversation of Object.values(state.conversations)) {
    if (conversation.inaccessible || !conversation.members) continue;
    if (conversation.type === 'direct' || conversation.id === state.openConversationId) {
      for (const member of conversation.members) if (member.userId !== state.myUserId) ids.add(member.userId);
    }
  }
  return ids;
}
