import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { searchConversation, type MessageHit } from '../api/search';
import { useChatController } from '../store/ChatContext';
import { CloseIcon, NextHitIcon, PreviousHitIcon, SearchIcon } from '../ui/icons';
import { isAbort, queryErrorOf, type QueryError } from './queryError';
import { QueryErrorNote } from './QueryErrorNote';
import { SEARCH_DEBOUNCE_MS } from './useGlobalSearch';
import { useDebounced } from './useDebounced';
import './search.css';

const PAGE = 50;

interface Found {
  query: string;
  hits: MessageHit[];
  cursor: string | null;
}

/**
 * Search inside the open conversation (GET /api/conversations/{id}/search, newest first): the first
 * hit opens at once, the arrows (or Enter / Shift+Enter) step to older and newer ones in the list.
 */
export function ConversationSearch({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const controller = useChatController();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<QueryError | null>(null);
  const [index, setIndex] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    setError(null);
    if (!settled) {
      setFound(null);
      return;
    }
    const abort = new AbortController();
    searchConversation(conversationId, { q: settled, sort: 'date', limit: PAGE }, abort.signal)
      .then((page) => {
        if (abort.signal.aborted) return;
        const hits = page.hits ?? [];
        setFound({ query: settled, hits, cursor: page.nextCursor ?? null });
        setIndex(0);
        if (hits[0]) void controller.windows.jumpTo(conversationId, hits[0].seq);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure) || abort.signal.aborted) return;
        setFound(null);
        setError(queryErrorOf(failure));
      });
    return () => abort.abort();
  }, [controller, conversationId, settled]);

  const go = (next: number) => {
    if (!found || next < 0) return;
    if (next < found.hits.length) {
      setIndex(next);
      void controller.windows.jumpTo(conversationId, found.hits[next].seq);
      return;
    }
    if (!found.cursor || loadingMore) return;
    setLoadingMore(true);
    searchConversation(conversationId, { q: found.query, sort: 'date', limit: PAGE, cursor: found.cursor })
      .then((page) => {
        const hits = [...found.hits, ...(page.hits ?? [])];
        setFound({ query: found.query, hits, cursor: page.nextCursor ?? null });
        if (hits[next]) {
          setIndex(next);
          void controller.windows.jumpTo(conversationId, hits[next].seq);
        }
      })
      .catch((failure: unknown) => setError(queryErrorOf(failure)))
      .finally(() => setLoadingMore(false));
  };

  const older = () => go(index + 1);
  const newer = () => go(index - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) newer();
      else older();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      older();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      newer();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const total = found ? `${found.hits.length}${found.cursor ? '+' : ''}` : '';
  const count = !found ? '' : found.hits.length === 0 ? 'No matches' : `${index + 1} of ${total}`;
  const hasOlder = Boolean(found && (index + 1 < found.hits.length || found.cursor));
  const hasNewer = Boolean(found && index > 0);

  return (
    <div className="conversation-search-wrap">
      <div className="conversation-search" role="search" data-testid="conversation-search">
        <div className="search-box">
          <SearchIcon />
          <label htmlFor={`${id}-input`} className="visually-hidden">
            Search in this conversation
          </label>
          <input
            ref={input}
            id={`${id}-input`}
            type="search"
            placeholder="Search in this conversation"
            autoComplete="off"
            spellCheck={false}
            maxLength={512}
            value={query}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            data-testid="conversation-search-input"
          />
        </div>
        <span className="conversation-search-count" aria-live="polite" data-testid="conversation-search-count">
          {count}
        </span>
        <button type="button" className="icon-button" aria-label="Older match" title="Older match (Enter)" disabled={!hasOlder} onClick={older} data-testid="conversation-search-older">
          <PreviousHitIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Newer match" title="Newer match (Shift+Enter)" disabled={!hasNewer} onClick={newer} data-testid="conversation-search-newer">
          <NextHitIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Close search" title="Close search" onClick={onClose} data-testid="conversation-search-close">
          <CloseIcon />
        </button>
      </div>
      {error && <QueryErrorNote id={`${id}-error`} query={settled} error={error} />}
    </div>
  );
}
