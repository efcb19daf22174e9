/** What a person asked to do with a stored message, from its menu or its reactions. */
export type MessageAction =
  | { kind: 'reply'; seq: number }
  | { kind: 'edit'; seq: number }
  | { kind: 'delete'; seq: number; forEveryone: boolean }
  | { kind: 'react'; seq: number; emoji: string };

/** A reaction as a bubble shows it. */
export interface ReactionView {
  emoji: string;
  count: number;
  mine: boolean;
}

/** The quick reactions offered in every message's menu. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🎉'] as const;
