// The filter helpers write the query language into the box (docs/protocol.md, "Query language"):
// the text stays the one source of truth, so what a helper did is visible and can be edited.

export type HasKind = 'image' | 'video' | 'voice' | 'file' | 'link';
export type IsKind = 'pinned' | 'saved';
export type DateFilter = 'before' | 'after' | 'on';

export const HAS_KINDS: readonly HasKind[] = ['image', 'video', 'voice', 'file', 'link'];
export const IS_KINDS: readonly IsKind[] = ['pinned', 'saved'];

/** A filter value as the language reads it: quoted when it holds a space or a quote. */
export function quoteValue(value: string): string {
  const trimmed = value.trim();
  return /[\s"()]/u.test(trimmed) ? `"${trimmed.replace(/"/gu, '')}"` : trimmed;
}

/** The query's tokens at top level, keeping quoted runs together (enough to find and replace filters). */
function tokens(query: string): string[] {
  return query.match(/-?[a-z]+:"[^"]*"?|"[^"]*"?|[^\s]+/giu) ?? [];
}

function join(parts: readonly string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** Sets a single-valued filter (`from:`, `in:`, a date): replaces the same key, or appends it. */
export function setFilter(query: string, key: string, value: string): string {
  const token = `${key}:${value}`;
  const parts = tokens(query);
  const index = parts.findIndex((part) => part.toLowerCase().startsWith(`${key}:`));
  if (index >= 0) {
    parts[index] = token;
    return join(parts);
  }
  return join([...parts, token]);
}

/** Adds or removes a multi-valued filter (`has:image`, `is:pinned`). */
export function toggleFilter(query: string, token: string): string {
  const parts = tokens(query);
  const lower = token.toLowerCase();
  const without = parts.filter((part) => part.toLowerCase() !== lower);
  return without.length !== parts.length ? join(without) : join([...parts, token]);
}

export function hasFilter(query: string, token: string): boolean {
  const lower = token.toLowerCase();
  return tokens(query).some((part) => part.toLowerCase() === lower);
}

/**
 * The words of a query without its filters, operators and exclusions: what people and conversation
 * search (plain text) are asked for.
 */
export function plainWords(query: string): string {
  return tokens(query)
    .filter((part) => !part.startsWith('-') && !/^[a-z]+:/iu.test(part) && part !== 'OR')
    .map((part) => part.replace(/["()#]/gu, ''))
    .filter(Boolean)
    .join(' ')
    .slice(0, 100);
}
