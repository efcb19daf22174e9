import { useCallback, useEffect, useRef, useState } from 'react';
import {
  searchFiles,
  searchMessages,
  searchPeople,
  type FileHit,
  type MessageHit,
  type PersonHit,
  type SearchSort,
} from '../api/search';
import { isAbort, queryErrorOf, type QueryError } from './queryError';
import { plainWords } from './queryFilters';
import { useDebounced } from './useDebounced';

export const SEARCH_DEBOUNCE_MS = 250;
const PAGE = 20;
const PEOPLE = 5;

export interface GlobalResults {
  /** The query these results answer (the box may already hold a newer one). */
  query: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  messages: MessageHit[];
  messagesCursor: string | null;
  files: FileHit[];
  filesCursor: string | null;
  people: PersonHit[];
  error: QueryError | null;
  loadingMore: 'messages' | 'files' | null;
}

const idle: GlobalResults = {
  query: '',
  status: 'idle',
  messages: [],
  messagesCursor: null,
  files: [],
  filesCursor: null,
  people: [],
  error: null,
  loadingMore: null,
};

/**
 * Messages, files and people for the box's query, asked once typing pauses; a newer query aborts
 * the requests of the older one, so a slow answer never overwrites a newer one.
 */
export function useGlobalSearch(query: string, sort: SearchSort): { results: GlobalResults; more: (kind: 'messages' | 'files') => void } {
  const settled = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const [results, setResults] = useState<GlobalResults>(idle);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    inFlight.current?.abort();
    if (!settled) {
      setResults(idle);
      return;
    }
    const abort = new AbortController();
    inFlight.current = abort;
    setResults((r) => ({ ...r, query: settled, status: 'loading', error: null }));
    const words = plainWords(settled);
    const people = words ? searchPeople(words, PEOPLE, abort.signal).catch(() => [] as PersonHit[]) : Promise.resolve([]);
    Promise.all([
      searchMessages({ q: settled, sort, limit: PAGE }, abort.signal),
      searchFiles({ q: settled, limit: PAGE }, abort.signal).catch(() => ({ hits: [] as FileHit[], nextCursor: null })),
      people,
    ])
      .then(([messages, files, found]) => {
        if (abort.signal.aborted) return;
        setResults({
          query: settled,
          status: 'ready',
          messages: messages.hits ?? [],
          messagesCursor: messages.nextCursor ?? null,
          files: files.hits ?? [],
          filesCursor: files.nextCursor ?? null,
          people: found,
          error: null,
          loadingMore: null,
        });
      })
      .catch(async (error: unknown) => {
        if (isAbort(error) || abort.signal.aborted) return;
        // A refused query still lets people be found by its words.
        const found = await people;
        if (abort.signal.aborted) return;
        setResults({ ...idle, query: settled, status: 'error', error: queryErrorOf(error), people: found });
      });
    return () => abort.abort();
  }, [settled, sort]);

  const latest = useRef(results);
  useEffect(() => {
    latest.current = results;
  });
  const more = useCallback(
    (kind: 'messages' | 'files') => {
      const current = latest.current;
      const cursor = kind === 'messages' ? current.messagesCursor : current.filesCursor;
      if (!cursor || current.loadingMore) return;
      const signal = inFlight.current?.signal;
      setResults((r) => ({ ...r, loadingMore: kind }));
      const work =
        kind === 'messages'
          ? searchMessages({ q: current.query, sort, limit: PAGE, cursor }, signal).then((page) => (r: GlobalResults) => ({
              ...r,
              messages: [...r.messages, ...(page.hits ?? [])],
              messagesCursor: page.nextCursor ?? null,
            }))
          : searchFiles({ q: current.query, limit: PAGE, cursor }, signal).then((page) => (r: GlobalResults) => ({
              ...r,
              files: [...r.files, ...(page.hits ?? [])],
              filesCursor: page.nextCursor ?? null,
            }));
      work
        .then((apply) => setResults((r) => (r.query === current.query ? { ...apply(r), loadingMore: null } : r)))
        .catch((error: unknown) => {
          if (isAbort(error)) return;
          setResults((r) => ({ ...r, loadingMore: null, error: queryErrorOf(error) }));
        });
    },
    [sort],
  );

  return { results, more };
}
