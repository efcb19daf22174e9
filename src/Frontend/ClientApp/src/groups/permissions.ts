// The server's permission table (ConversationPermissions.cs), so the UI offers only what the caller's
// role allows. The server still decides; a refusal shows as an error.
import type { ConversationMember, ConversationType, MemberRole } from '../api/types';

const RANKS: Record<string, number> = { owner: 4, admin: 3, moderator: 2, member: 1, subscriber: 0 };

/** Roles that can be given, highest first. */
export const ASSIGNABLE_ROLES: readonly MemberRole[] = ['admin', 'moderator', 'member', 'subscriber'];

export function rank(role: MemberRole | undefined): number {
  return role ? (RANKS[role] ?? 0) : -1;
}

/** Add members, invite links, rename. */
export function canManageMembers(type: ConversationType, role: MemberRole | undefined): boolean {
  return type !== 'direct' && rank(role) >= RANKS.admin;
}

export function canRemove(type: ConversationType, actorRole: MemberRole | undefined, targetRole: MemberRole): boolean {
  return type !== 'direct' && rank(actorRole) >= RANKS.moderator && rank(actorRole) > rank(targetRole);
}

/** The roles the actor may give the target: below their own, to someone below them. Empty when none. */
export function assignableRoles(type: ConversationType, actorRole: MemberRole | undefined, targetRole: MemberRole): MemberRole[] {
  if (!canManageMembers(type, actorRole) || rank(actorRole) <= rank(targetRole)) return [];
  return ASSIGNABLE_ROLES.filter((role) => rank(role) < rank(actorRole));
}

export function roleOf(members: readonly ConversationMember[] | null, userId: string): MemberRole | undefined {
  return members?.find((m) => m.userId === userId)?.role;
}
