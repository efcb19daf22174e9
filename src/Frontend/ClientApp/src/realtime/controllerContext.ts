import type { Message } from '../api/types';
import type { ChatStore } from '../store/chatStore';
import type { ChatHub } from './chatHub';

/** What the controller's helpers share. */
export interface ControllerContext {
  readonly store: ChatStore;
  readonly hub: ChatHub;
  readonly myUserId: string;
  /** Merges messages from any source into the store (dedupe, unread, receipts, gaps). */
  ingest(messages: readonly Message[], source: 'live' | 'sync' | 'history' | 'ack'): void;
  isDisposed(): boolean;
  /** Loads the conversation list again (e.g. when a preview can only come from the server). */
  refreshList(): Promise<void>;
}
