// Pure state transitions for membership events (MembersChanged, ConversationUpdated).
import type { ConversationMember, MembersChangedEvent, UserSummary } from '../api/types';
import type { ConversationState } from '../store/types';

/**
 * The new member list of a MembersChanged event (ids and roles only), with the names already known.
 * `unknown` is true when someone new appeared whose name is not known yet (load the details).
 */
export function applyMembersChanged(
  conversation: ConversationState,
  event: MembersChangedEvent,
  users: Readonly<Record<string, UserSummary>>,
): { conversation: ConversationState; unknown: boolean } {
  const before = new Map((conversation.members ?? []).map((m) => [m.userId, m]));
  let unknown = false;
  const members: ConversationMember[] = event.members.map(({ userId, role }) => {
    const known = before.get(userId);
    if (known) return known.role === role ? known : { ...known, role };
    const user = users[userId];
    if (!user) unknown = true;
    return { userId, role, username: user?.username, displayName: user?.displayName };
  });
  return { conversation: { ...conversation, members }, unknown };
}

/** The same member list without one user (after a removal or a leave answered by the server). */
export function withoutMember(conversation: ConversationState, userId: string): ConversationState {
  if (!conversation.members?.some((m) => m.userId === userId)) return conversation;
  return { ...conversation, members: conversation.members.filter((m) => m.userId !== userId) };
}

export function withRole(conversation: ConversationState, userId: string, role: string): ConversationState {
  if (!conversation.members) return conversation;
  return { ...conversation, members: conversation.members.map((m) => (m.userId === userId ? { ...m, role } : m)) };
}
