import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { clearSearchHistory, getSearchHistory, type FileHit, type SearchHistoryEntry, type SearchSort } from '../api/search';
import type { FileInfo } from '../api/files';
import { describeError } from '../api/errors';
import { Lightbox } from '../files/Lightbox';
import { downloadFile } from '../files/signedUrls';
import { useChatController } from '../store/ChatContext';
import { CloseIcon, FiltersIcon, SearchIcon } from '../ui/icons';
import { openMessage, openPerson } from './openHit';
import { QueryErrorNote } from './QueryErrorNote';
import { SearchFilters } from './SearchFilters';
import { FileHitView, MessageHitView, PersonView } from './SearchResultItems';
import { useGlobalSearch } from './useGlobalSearch';
import './search.css';

interface Option {
  key: string;
  group: 'history' | 'messages' | 'files' | 'people';
  testId: string;
  className?: string;
  choose: () => void;
  content: ReactNode;
}

const GROUP_TITLES = { history: 'Recent searches', people: 'People', messages: 'Messages', files: 'Files' } as const;

function countText(count: number, more: boolean): string {
  if (more) return `${count}+ messages`;
  return count === 1 ? '1 message' : `${count} messages`;
}

/** True when a key press is meant for a field (so `/` types a slash there). */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The sidebar's search: a box (Ctrl/Cmd+K or `/`), filter helpers that write the query language into
 * it, the recent searches while it is empty, and results by messages, files and people as one listbox
 * (arrows move, Enter opens, Escape closes). `onOpenChange` lets the sidebar give it the room.
 */
export function GlobalSearch({ onOpenChange }: { onOpenChange: (open: boolean) => void }) {
  const controller = useChatController();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(false);
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [history, setHistory] = useState<SearchHistoryEntry[]>([]);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [lightbox, setLightbox] = useState<FileInfo | null>(null);
  const { results, more } = useGlobalSearch(query, sort);
  const trimmed = query.trim();
  const open = trimmed !== '' || focused || filtersOpen;

  useEffect(() => onOpenChange(open), [open, onOpenChange]);

  // Ctrl/Cmd+K anywhere, `/` outside a field: to the box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
      if (!shortcut && !slash) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The recent searches, fresh each time the empty box is focused.
  useEffect(() => {
    if (!focused || trimmed) return;
    const abort = new AbortController();
    getSearchHistory(abort.signal)
      .then((entries) => {
        setHistory(entries);
        setHistoryError(null);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setHistoryError(describeError(error));
      });
    return () => abort.abort();
  }, [focused, trimmed]);

  // Names for the hits: conversations whose members are not loaded yet.
  useEffect(() => {
    const ids = new Set([...results.messages, ...results.files].map((hit) => hit.conversationId));
    for (const conversationId of ids) {
      const conversation = controller.store.conversation(conversationId);
      if (conversation && !conversation.members && !conversation.inaccessible) void controller.loader.loadDetails(conversationId);
    }
  }, [controller, results.messages, results.files]);

  useEffect(() => setActive(-1), [results, trimmed]);

  const openFile = (hit: FileHit) => {
    if (hit.file.kind === 'image' || hit.file.kind === 'video') {
      setLightbox(hit.file);
    } else {
      void downloadFile(hit.file.fileId, hit.file.name);
    }
  };

  const options: Option[] = [];
  if (!trimmed) {
    for (const entry of history) {
      options.push({
        key: `h:${entry.query}`,
        group: 'history',
        testId: 'search-history-item',
        choose: () => setQuery(entry.query),
        content: <span className="search-history-query">{entry.query}</span>,
      });
    }
  } else if (results.query === trimmed || results.status !== 'idle') {
    for (const person of results.people) {
      options.push({
        key: `p:${person.userId}`,
        group: 'people',
        testId: 'search-person',
        className: 'search-option-row',
        choose: () => void openPerson(controller, person).catch(() => undefined),
        content: <PersonView person={person} />,
      });
    }
    for (const hit of results.messages) {
      options.push({
        key: `m:${hit.conversationId}:${hit.seq}`,
        group: 'messages',
        testId: 'search-message-hit',
        choose: () => {
          openMessage(controller, hit.conversationId, hit.seq);
          input.current?.blur();
        },
        content: <MessageHitView hit={hit} />,
      });
    }
    if (results.messagesCursor) {
      options.push({
        key: 'more:messages',
        group: 'messages',
        testId: 'search-more-messages',
        className: 'search-more',
        choose: () => more('messages'),
        content: results.loadingMore === 'messages' ? 'Loading…' : 'More messages',
      });
    }
    for (const hit of results.files) {
      options.push({
        key: `f:${hit.conversationId}:${hit.seq}:${hit.file.fileId}`,
        group: 'files',
        testId: 'search-file-hit',
        className: 'search-option-row',
        choose: () => openFile(hit),
        content: <FileHitView hit={hit} />,
      });
    }
    if (results.filesCursor) {
      options.push({
        key: 'more:files',
        group: 'files',
        testId: 'search-more-files',
        className: 'search-more',
        choose: () => more('files'),
        content: results.loadingMore === 'files' ? 'Loading…' : 'More files',
      });
    }
  }
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active < 0 ? 0 : active];
      if (option) option.choose();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else {
        setFiltersOpen(false);
        input.current?.blur();
      }
    }
  };

  const clearHistory = () => {
    clearSearchHistory()
      .then(() => setHistory([]))
      .catch((error: unknown) => setHistoryError(describeError(error)));
  };

  const errorId = `${id}-error`;
  const listId = `${id}-results`;
  const groups = (['history', 'people', 'messages', 'files'] as const).filter((g) => options.some((o) => o.group === g));
  const searching = results.status === 'loading' || results.query !== trimmed;

  return (
    <div
      ref={container}
      className="global-search"
      data-open={open ? 'true' : 'false'}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="search-box" role="search">
        <SearchIcon />
        <label htmlFor={`${id}-input`} className="visually-hidden">
          Search messages, files and people
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="search"
          role="combobox"
          placeholder="Search (Ctrl+K)"
          autoComplete="off"
          spellCheck={false}
          maxLength={512}
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-invalid={results.status === 'error' && results.query === trimmed}
          aria-describedby={results.status === 'error' ? errorId : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        {query && (
          <button type="button" className="icon-button search-clear" aria-label="Clear search" title="Clear search" onClick={() => setQuery('')} data-testid="search-clear">
            <CloseIcon />
          </button>
        )}
        <button
          type="button"
          className={`icon-button${filtersOpen ? ' is-active' : ''}`}
          aria-label="Search filters"
          title="Search filters"
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen((o) => !o)}
          data-testid="search-filters-toggle"
        >
          <FiltersIcon />
        </button>
      </div>
      {open && (
        <div className="search-panel" data-testid="search-panel">
          {filtersOpen && <SearchFilters query={query} onQuery={(q) => { setQuery(q); input.current?.focus(); }} />}
          {trimmed && (
            <div className="search-toolbar">
              <span className="muted" aria-live="polite" data-testid="search-status">
                {searching ? 'Searching…' : results.status === 'ready' ? countText(results.messages.length, results.messagesCursor !== null) : ''}
              </span>
              <div className="segmented search-sort" role="group" aria-label="Sort results">
                {(['relevance', 'date'] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    aria-pressed={sort === value}
                    className={sort === value ? 'is-selected' : undefined}
                    onClick={() => setSort(value)}
                    data-testid={`search-sort-${value}`}
                  >
                    {value === 'relevance' ? 'Relevance' : 'Date'}
                  </button>
                ))}
              </div>
            </div>
          )}
          {trimmed && results.status === 'error' && results.error && results.query === trimmed && (
            <QueryErrorNote id={errorId} query={trimmed} error={results.error} />
          )}
          {!trimmed && history.length > 0 && (
            <div className="search-history-head">
              <span className="section-title">Recent searches</span>
              <button type="button" className="link-button" onClick={clearHistory} data-testid="search-history-clear">
                Clear
              </button>
            </div>
          )}
          {historyError && !trimmed && <p className="form-error">{historyError}</p>}
          <div id={listId} role="listbox" aria-label="Search results" className="search-results" data-testid="search-results">
            {groups.map((group) => (
              <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="search-group" data-testid={`search-group-${group}`}>
                {group !== 'history' && (
                  <p id={`${id}-${group}`} className="section-title search-group-title" role="presentation">
                    {GROUP_TITLES[group]}
                  </p>
                )}
                {group === 'history' && (
                  <span id={`${id}-${group}`} hidden>
                    {GROUP_TITLES[group]}
                  </span>
                )}
                {options.map((option, index) =>
                  option.group !== group ? null : (
                    <div
                      key={option.key}
                      id={optionId(index)}
                      role="option"
                      aria-selected={index === active}
                      className={`search-option${option.className ? ` ${option.className}` : ''}${index === active ? ' is-active' : ''}`}
                      data-testid={option.testId}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => {
                        setActive(index);
                        option.choose();
                      }}
                    >
                      {option.content}
                    </div>
                  ),
                )}
              </div>
            ))}
            {trimmed && results.status === 'ready' && results.query === trimmed && options.length === 0 && (
              <p className="muted search-empty" data-testid="search-empty">
                Nothing found.
              </p>
            )}
          </div>
        </div>
      )}
      {lightbox && <Lightbox files={[lightbox]} index={0} onIndex={() => undefined} onClose={() => setLightbox(null)} />}
    </div>
  );
}
