// Search (docs/protocol.md "Search"): messages, files, people, conversations and the search history.
import type { FileInfo } from './files';
import { apiFetch, query } from './http';
import type { ConversationType } from './types';

export type SearchSort = 'relevance' | 'date';

/** Matched ranges of a snippet or a file name as [start, length] in UTF-16 code units. */
export type HighlightRanges = ReadonlyArray<readonly [number, number]>;

export interface MessageHit {
  conversationId: string;
  seq: number;
  senderId: string;
  sentAt: string;
  type: string;
  /** Plain text around the first match, never HTML. */
  snippet: string;
  highlights: HighlightRanges;
}

export interface FileHit {
  conversationId: string;
  seq: number;
  senderId: string;
  sentAt: string;
  file: FileInfo;
  /** Ranges of file.name. */
  highlights: HighlightRanges;
}

export interface HitPage<T> {
  hits: T[];
  nextCursor: string | null;
}

export type MatchedBy = 'username' | 'displayName' | 'email' | 'phone';

export interface PersonHit {
  userId: string;
  username: string;
  displayName: string;
  avatarFileId: string | null;
  matchedBy: MatchedBy;
}

export interface ConversationHit {
  conversationId: string;
  type: ConversationType;
  name: string | null;
  avatarFileId: string | null;
}

export interface SearchHistoryEntry {
  query: string;
  searchedAt: string;
}

export interface MessageSearchParams {
  q: string;
  sort?: SearchSort;
  limit?: number;
  cursor?: string | null;
}

/** The IANA zone `before:`/`after:`/`on:` mean days in: the reader's own. */
function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

function messageQuery(params: MessageSearchParams): string {
  return query({ q: params.q, sort: params.sort, limit: params.limit ?? 20, cursor: params.cursor, timeZone: timeZone() });
}

export function searchMessages(params: MessageSearchParams, signal?: AbortSignal): Promise<HitPage<MessageHit>> {
  return apiFetch<HitPage<MessageHit>>(`/api/search/messages${messageQuery(params)}`, { signal });
}

/** The same search within one conversation (members only). */
export function searchConversation(conversationId: string, params: MessageSearchParams, signal?: AbortSignal): Promise<HitPage<MessageHit>> {
  return apiFetch<HitPage<MessageHit>>(`/api/conversations/${encodeURIComponent(conversationId)}/search${messageQuery(params)}`, { signal });
}

export function searchFiles(params: { q: string; limit?: number; cursor?: string | null }, signal?: AbortSignal): Promise<HitPage<FileHit>> {
  const search = query({ q: params.q, limit: params.limit ?? 20, cursor: params.cursor, timeZone: timeZone() });
  return apiFetch<HitPage<FileHit>>(`/api/search/files${search}`, { signal });
}

export async function searchPeople(q: string, limit = 20, signal?: AbortSignal): Promise<PersonHit[]> {
  const answer = await apiFetch<{ people: PersonHit[] }>(`/api/search/people${query({ q, limit })}`, { signal });
  return answer?.people ?? [];
}

export async function searchConversations(q: string, limit = 20, signal?: AbortSignal): Promise<ConversationHit[]> {
  const answer = await apiFetch<{ conversations: ConversationHit[] }>(`/api/search/conversations${query({ q, limit })}`, { signal });
  return answer?.conversations ?? [];
}

export async function getSearchHistory(signal?: AbortSignal): Promise<SearchHistoryEntry[]> {
  return (await apiFetch<SearchHistoryEntry[]>('/api/search/history', { signal })) ?? [];
}

export function clearSearchHistory(): Promise<void> {
  return apiFetch<void>('/api/search/history', { method: 'DELETE' });
}
