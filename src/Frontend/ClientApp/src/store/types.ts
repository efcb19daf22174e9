import type {
  ConversationMember,
  ConversationType,
  Message,
  PresenceStatus,
  UserProfile,
  UserSummary,
} from '../api/types';
import type { FileInfo } from '../api/files';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** An own message not yet acknowledged by the server (or refused by it). */
export interface OutboxItem {
  clientMessageId: string;
  conversationId: string;
  content: string;
  createdAt: string;
  status: 'pending' | 'failed';
  error?: string;
  /** The message this one answers. */
  replyToSeq?: number;
  /** Self-destructing: kept across retries so a resend disappears too. */
  expiresInSeconds?: number;
  /** A media message (image, album, video, audio, voice, document); absent for text. */
  type?: string;
  /** What SendMessage carries for a media type: the file ids (never the server-owned `files`). */
  metadata?: Record<string, unknown>;
  /** The completed files, to show the message before the server's copy arrives. */
  files?: FileInfo[];
}

/**
 * A stretch of a conversation's history away from the newest, opened at a search hit: the list shows
 * only it, scrolling pages it older and newer, and it closes once it reaches the live end.
 */
export interface HistoryWindow {
  /** Oldest and newest seq shown. */
  fromSeq: number;
  toSeq: number;
  hasOlder: boolean;
  hasNewer: boolean;
  loadingOlder: boolean;
  loadingNewer: boolean;
  error: string | null;
  /** The oldest seq of the run loaded back from the newest when the window opened (null: none was). */
  liveFromSeq: number | null;
}

/** A message to bring into view and mark for a moment; a new token asks again for the same seq. */
export interface MessageFocus {
  seq: number;
  token: number;
}

export interface ConversationState {
  id: string;
  type: ConversationType;
  name: string | null;
  /** Null until GET /api/conversations/{id} answered. */
  members: ConversationMember[] | null;
  /** Highest seq known to exist. */
  lastSeq: number;
  /** Highest seq this user has read. */
  readSeq: number;
  unread: number;
  /**
   * Every message after this seq reaches us through Sync or events; older ones are fetched by
   * history paging. Null while unknown (a conversation learnt of by an event before the list).
   */
  syncedSeq: number | null;
  /** Known messages, sorted by seq, unique by seq. */
  messages: Message[];
  hasMoreOlder: boolean;
  historyLoading: boolean;
  historyLoaded: boolean;
  historyError: string | null;
  /** Highest seq any other member has received / read. */
  peerDeliveredSeq: number;
  peerReadSeq: number;
  /** userId → epoch ms after which the typing state is stale. */
  typing: Record<string, number>;
  /** The newest message this user may see, for the list preview (from the list, then live events). */
  lastMessage: Message | null;
  /** Epoch ms of the newest known message, for ordering the list. */
  lastActivity: number;
  /** Position in the server's list, for a stable order when activity is unknown. */
  order: number;
  /** The server refused access (removed from the conversation). */
  inaccessible: boolean;
  /** A message request: a direct chat from someone this user has not accepted yet. */
  messageRequest: boolean;
  /** A group's or channel's picture (null for none, and for direct chats: those show the peer's). */
  avatarFileId: string | null;
  /** Null while the list shows the live end; else the stretch of history it shows instead. */
  window: HistoryWindow | null;
  /** The message the list scrolls to and marks (a search hit), or null. */
  focus: MessageFocus | null;
}

export interface PresenceInfo {
  status: PresenceStatus;
  lastSeen: string | null;
}

export interface ChatState {
  myUserId: string;
  me: UserProfile | null;
  connection: ConnectionStatus;
  everConnected: boolean;
  listStatus: 'loading' | 'ready' | 'error';
  listError: string | null;
  conversations: Record<string, ConversationState>;
  users: Record<string, UserSummary>;
  presence: Record<string, PresenceInfo>;
  openConversationId: string | null;
  outbox: OutboxItem[];
}
