// Managing a group from the UI (rename, members, roles, leave, invite links) and the membership
// events that keep every open client right. Each action throws an Error with a readable message.
import {
  addMembers,
  createInvite,
  removeMember,
  renameConversation,
  setConversationAvatar,
  revokeInvite,
  setMemberRole,
} from '../api/conversations';
import { describeError } from '../api/errors';
import { apiFetch } from '../api/http';
import type {
  ConversationDetails,
  ConversationRemovedEvent,
  ConversationUpdatedEvent,
  InviteLink,
  MemberRole,
  MembersChangedEvent,
} from '../api/types';
import type { ConversationLoader } from '../conversations/conversationLoader';
import type { ControllerContext } from '../realtime/controllerContext';
import { applyMembersChanged, withoutMember, withRole } from './membershipUpdates';
import { resolveUsernames } from './resolveUsernames';

export class GroupActions {
  private readonly ctx: ControllerContext;
  private readonly loader: ConversationLoader;

  constructor(ctx: ControllerContext, loader: ConversationLoader) {
    this.ctx = ctx;
    this.loader = loader;
    const connection = ctx.hub.connection;
    connection.on('MembersChanged', (event: MembersChangedEvent) => this.onMembersChanged(event));
    connection.on('ConversationRemoved', (event: ConversationRemovedEvent) => this.onRemoved(event.conversationId));
    connection.on('ConversationUpdated', (event: ConversationUpdatedEvent) =>
      this.ctx.store.updateConversation(event.conversationId, (c) => {
        const avatarFileId = event.avatarFileId !== undefined ? event.avatarFileId : c.avatarFileId;
        return c.name === event.name && c.avatarFileId === avatarFileId ? c : { ...c, name: event.name, avatarFileId };
      }),
    );
  }

  async rename(conversationId: string, name: string): Promise<void> {
    const details = await readable(() => renameConversation(conversationId, name.trim()));
    this.loader.applyDetails(details);
  }

  async setAvatar(conversationId: string, avatarFileId: string | null): Promise<void> {
    const details = await readable(() => setConversationAvatar(conversationId, avatarFileId));
    this.loader.applyDetails(details);
    // An answer without the field still means the change was made.
    this.ctx.store.updateConversation(conversationId, (c) => (c.avatarFileId === avatarFileId ? c : { ...c, avatarFileId }));
  }

  /** Adds members by username, as the new-chat form finds them. */
  async addByUsername(conversationId: string, usernames: readonly string[]): Promise<void> {
    const users = await readable(() => resolveUsernames(usernames));
    const current = new Set(this.ctx.store.conversation(conversationId)?.members?.map((m) => m.userId) ?? []);
    const fresh = users.filter((u) => !current.has(u.userId));
    if (users.length === 0) throw new Error('Enter a username.');
    if (fresh.length === 0) throw new Error(users.length === 1 ? 'Already a member.' : 'They are all members already.');
    this.ctx.store.update((s) => {
      const known = { ...s.users };
      for (const user of fresh) known[user.userId] = user;
      return { ...s, users: known };
    });
    this.loader.applyDetails(await readable(() => addMembers(conversationId, fresh.map((u) => u.userId))));
  }

  async remove(conversationId: string, userId: string): Promise<void> {
    await readable(() => removeMember(conversationId, userId));
    this.ctx.store.updateConversation(conversationId, (c) => withoutMember(c, userId));
  }

  async setRole(conversationId: string, userId: string, role: MemberRole): Promise<void> {
    await readable(() => setMemberRole(conversationId, userId, role));
    this.ctx.store.updateConversation(conversationId, (c) => withRole(c, userId, role));
  }

  /** Leaves the conversation; it disappears from this user's list at once (ConversationRemoved follows). */
  async leave(conversationId: string): Promise<void> {
    await readable(() => removeMember(conversationId, this.ctx.myUserId));
    this.onRemoved(conversationId);
  }

  createInvite(conversationId: string): Promise<InviteLink> {
    return readable(() => createInvite(conversationId));
  }

  revokeInvite(conversationId: string, code: string): Promise<void> {
    return readable(() => revokeInvite(conversationId, code));
  }

  /** Joins by an invite link's code; returns the conversation's id. */
  async join(code: string): Promise<string> {
    const details = await readable(() =>
      apiFetch<ConversationDetails>(`/api/invites/${encodeURIComponent(code)}/join`, { method: 'POST', body: {} }),
    );
    this.loader.applyDetails(details);
    this.ctx.store.updateConversation(details.conversationId, (c) => ({ ...c, inaccessible: false }));
    void this.loader.refreshList();
    return details.conversationId;
  }

  private onMembersChanged(event: MembersChangedEvent): void {
    let unknown = false;
    this.ctx.store.update((s) => {
      const before = s.conversations[event.conversationId];
      if (!before) return s;
      const result = applyMembersChanged(before, event, s.users);
      unknown = result.unknown;
      return { ...s, conversations: { ...s.conversations, [event.conversationId]: result.conversation } };
    });
    // Someone new whose name we do not know: the details carry it.
    if (unknown) void this.loader.loadDetails(event.conversationId);
  }

  /** This user left or was removed: the conversation leaves the list (and the pane says so if it is open). */
  private onRemoved(conversationId: string): void {
    this.ctx.store.updateConversation(conversationId, (c) => (c.inaccessible ? c : { ...c, inaccessible: true, unread: 0 }));
  }
}

/** Runs an API call and turns any failure into an Error whose message a person can read. */
async function readable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(describeError(error));
  }
}
