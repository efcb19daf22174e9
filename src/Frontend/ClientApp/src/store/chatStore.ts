import type { ChatState, ConversationState } from './types';
import { emptyConversation } from './conversationUpdates';

type Listener = () => void;

/** A small immutable store read by React through useSyncExternalStore. */
export class ChatStore {
  private state: ChatState;
  private readonly listeners = new Set<Listener>();

  constructor(myUserId: string) {
    this.state = {
      myUserId,
      me: null,
      connection: 'connecting',
      everConnected: false,
      listStatus: 'loading',
      listError: null,
      conversations: {},
      users: {},
      presence: {},
      openConversationId: null,
      outbox: [],
    };
  }

  readonly getState = (): ChatState => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  update(updater: (state: ChatState) => ChatState): void {
    const next = updater(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  conversation(id: string): ConversationState | undefined {
    return this.state.conversations[id];
  }

  /** Applies a change to one known conversation; unknown ids are ignored. */
  updateConversation(id: string, updater: (conversation: ConversationState) => ConversationState): void {
    this.update((state) => {
      const before = state.conversations[id];
      if (!before) return state;
      const after = updater(before);
      if (after === before) return state;
      return { ...state, conversations: { ...state.conversations, [id]: after } };
    });
  }

  /** Like updateConversation, creating an empty conversation first when it is not known yet. */
  upsertConversation(id: string, updater: (conversation: ConversationState) => ConversationState): void {
    this.update((state) => {
      const before = state.conversations[id] ?? emptyConversation(id);
      const after = updater(before);
      if (after === before && state.conversations[id]) return state;
      return { ...state, conversations: { ...state.conversations, [id]: after } };
    });
  }
}
