// Wire types of the Chat Grid protocol (shared/protocol.md). JSON is camelCase; ids are strings.

export interface AuthResponse {
  userId: string;
  accessToken: string;
  /** Null when the server set it as the HttpOnly refresh cookie (X-Refresh-Cookie), as for the web client. */
  refreshToken: string | null;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
}

export interface UserProfile {
  userId: string;
  username: string;
  displayName: string;
  email?: string | null;
}

export interface UserSummary {
  userId: string;
  username: string;
  displayName: string;
  /** Their profile photo as this user may see it; undefined while not asked, null for none. */
  avatarFileId?: string | null;
}

export type ConversationType = 'direct' | 'group' | 'channel';

export type MemberRole = 'owner' | 'admin' | 'moderator' | 'member' | 'subscriber' | (string & {});

export interface ConversationSummary {
  conversationId: string;
  type: ConversationType;
  name: string | null;
  lastSeq: number;
  readSeq: number;
  unread: number;
  mutedUntil?: string | null;
  /** The newest message this user may see (hidden-for-me skipped; deleted ones without content); null if none. */
  lastMessage?: Message | null;
  /** The last message's sentAt, or when this user joined; the list comes newest first. */
  lastActivityAt?: string;
  /** A direct chat from someone this user has not accepted yet (docs/protocol.md, message requests). */
  messageRequest?: boolean;
  /** A group's or channel's picture. */
  avatarFileId?: string | null;
}

export interface ConversationMember {
  userId: string;
  username?: string;
  displayName?: string;
  role: MemberRole;
  /** Where this member has received / read up to (GET /api/conversations/{id}); readSeq is null when their privacy hides it. */
  readSeq?: number | null;
  deliveredSeq?: number | null;
}

export interface ConversationDetails {
  conversationId: string;
  type: ConversationType;
  name: string | null;
  members: ConversationMember[];
  lastSeq?: number;
  avatarFileId?: string | null;
}

export interface Message {
  conversationId: string;
  seq: number;
  messageId: string;
  senderId: string;
  clientMessageId: string;
  type: string;
  content: string;
  replyToSeq?: number | null;
  metadata?: unknown;
  sentAt: string;
  editedAt?: string | null;
  deleted?: boolean;
  /** In history pages; live changes come as ReactionChanged events. */
  reactions?: Reaction[];
  /** A self-destructing message is deleted for everyone at this time. */
  expiresAt?: string | null;
}

export interface Reaction {
  emoji: string;
  userIds: string[];
}

export interface ReactionChangedEvent {
  conversationId: string;
  seq: number;
  userId: string;
  emoji: string;
  added: boolean;
}

export interface MessageHiddenEvent {
  conversationId: string;
  seq: number;
}

export interface MessagePage {
  messages: Message[];
  /** Older messages remain (newer ones, for a page after `afterSeq`). */
  hasMore: boolean;
  /** Only with `aroundSeq`: newer messages remain after the page. */
  hasNewer?: boolean;
}

export interface SendMessageRequest {
  conversationId: string;
  clientMessageId: string;
  content: string;
  type?: string;
  /** Required for every type but text and code (docs/protocol.md, the SendMessage types). */
  metadata?: Record<string, unknown>;
  replyToSeq?: number;
  /** Deletes the message for everyone this long after it is sent (1 s – 7 days). */
  expiresInSeconds?: number;
}

export interface SendMessageAck {
  conversationId: string;
  seq: number;
  messageId: string;
  sentAt: string;
}

export interface SyncCursor {
  conversationId: string;
  afterSeq: number;
}

export interface ReceiptEvent {
  conversationId: string;
  userId: string;
  seq: number;
}

export interface TypingEvent {
  conversationId: string;
  userId: string;
  isTyping: boolean;
}

export type PresenceStatus = 'online' | 'away' | 'dnd' | 'offline';

export interface PresenceEvent {
  userId: string;
  status: PresenceStatus;
  lastSeen?: string | null;
}

export interface InviteLink {
  code: string;
  expiresAt: string | null;
  maxUses: number | null;
}

/** A group's members or roles changed: the whole new list, without names. */
export interface MembersChangedEvent {
  conversationId: string;
  members: { userId: string; role: MemberRole }[];
}

export interface ConversationRemovedEvent {
  conversationId: string;
}

/** A group's or channel's name changed. */
export interface ConversationUpdatedEvent {
  conversationId: string;
  name: string | null;
  avatarFileId?: string | null;
}

export interface ConversationAddedEvent {
  conversationId: string;
  type: ConversationType;
  name: string | null;
}

/** RFC 9457 problem details as the server sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
}

/** A message waiting to be sent by its conversation at `sendAt` (ScheduleMessage's answer). */
export interface ScheduledMessage {
  scheduledId: string;
  conversationId: string;
  senderId: string;
  clientMessageId: string;
  type: string;
  content: string;
  replyToSeq?: number | null;
  sendAt: string;
  expiresInSeconds?: number | null;
}

export interface ScheduledMessageFailedEvent {
  conversationId: string;
  scheduledId: string;
  error: string;
}
