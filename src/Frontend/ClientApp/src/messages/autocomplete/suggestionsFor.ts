import type { ConversationMember, UserSummary } from '../../api/types';
import { findEmoji } from './emojiShortcodes';
import type { Trigger } from './findTrigger';
import type { Suggestion } from './Suggestion';

const MAX_MEMBERS = 8;

/** Members of the open conversation (not oneself) whose username or a word of whose name starts with the query. */
function memberSuggestions(
  query: string,
  members: readonly ConversationMember[],
  users: Record<string, UserSummary>,
  myUserId: string,
): Suggestion[] {
  const q = query.toLowerCase();
  const out: Suggestion[] = [];
  for (const member of members) {
    if (member.userId === myUserId) continue;
    const username = member.username || users[member.userId]?.username || '';
    const displayName = member.displayName || users[member.userId]?.displayName || username;
    if (!username) continue;
    const matches =
      username.toLowerCase().startsWith(q) || displayName.toLowerCase().split(/\s+/).some((word) => word.startsWith(q));
    if (!matches) continue;
    out.push({ key: `@${member.userId}`, insert: `@${username} `, userId: member.userId, label: displayName, detail: `@${username}` });
  }
  out.sort((a, b) => Number(!a.detail.slice(1).toLowerCase().startsWith(q)) - Number(!b.detail.slice(1).toLowerCase().startsWith(q)));
  return out.slice(0, MAX_MEMBERS);
}

export function suggestionsFor(
  trigger: Trigger,
  members: readonly ConversationMember[] | null,
  users: Record<string, UserSummary>,
  myUserId: string,
): Suggestion[] {
  if (trigger.kind === 'mention') return members ? memberSuggestions(trigger.query, members, users, myUserId) : [];
  return findEmoji(trigger.query).map((e) => ({ key: `:${e.code}`, insert: e.emoji, emoji: e.emoji, label: e.emoji, detail: `:${e.code}:` }));
}
