import { useId, useMemo, useState } from 'react';
import { useChatState } from '../store/ChatContext';
import { conversationTitle, directPeerId, sortedConversations } from '../store/selectors';
import type { ChatState, ConversationState } from '../store/types';
import { PeopleSuggestField } from './PeopleSuggestField';
import { HAS_KINDS, IS_KINDS, hasFilter, quoteValue, setFilter, toggleFilter, type DateFilter } from './queryFilters';

/** How `in:` names a conversation: the peer for a direct chat, the name for a named one, else its id. */
function inValue(state: ChatState, conversation: ConversationState): string {
  if (conversation.type === 'direct') {
    const peer = directPeerId(state, conversation);
    const username = peer ? (conversation.members?.find((m) => m.userId === peer)?.username ?? state.users[peer]?.username) : null;
    if (username) return `@${username}`;
  }
  return conversation.name ? quoteValue(conversation.name) : conversation.id;
}

/** Helpers that write filters into the query (the box's text stays what is searched). */
export function SearchFilters({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  const id = useId();
  const state = useChatState((s) => s);
  const conversations = useMemo(() => sortedConversations(state.conversations), [state.conversations]);
  const [from, setFrom] = useState('');
  const [dateKind, setDateKind] = useState<DateFilter>('after');
  const [date, setDate] = useState('');

  const addFrom = () => {
    const name = from.trim().replace(/^@/u, '');
    if (!name) return;
    onQuery(setFilter(query, 'from', name === 'me' ? 'me' : `@${name}`));
    setFrom('');
  };

  return (
    <div className="search-filters" role="group" aria-label="Search filters" data-testid="search-filters">
      <div className="search-filter-row">
        <span className="search-filter-label" aria-hidden="true">
          From
        </span>
        <PeopleSuggestField
          id={`${id}-from`}
          label="From (a person, or me)"
          placeholder="name, username or me"
          value={from}
          onChange={setFrom}
          termOf={(value) => (value.trim() === 'me' ? '' : value)}
          onPick={(person) => {
            onQuery(setFilter(query, 'from', `@${person.username}`));
            setFrom('');
          }}
          onEnter={addFrom}
          testId="search-filter-from"
        />
        <button type="button" className="secondary-button" onClick={addFrom}>
          Add
        </button>
      </div>
      <div className="search-filter-row">
        <label htmlFor={`${id}-in`}>In</label>
        <select
          id={`${id}-in`}
          value=""
          onChange={(e) => {
            const conversation = conversations.find((c) => c.id === e.target.value);
            if (conversation) onQuery(setFilter(query, 'in', inValue(state, conversation)));
          }}
          data-testid="search-filter-in"
        >
          <option value="">Any conversation</option>
          {conversations.map((c) => (
            <option key={c.id} value={c.id}>
              {conversationTitle(state, c)}
            </option>
          ))}
        </select>
      </div>
      <div className="search-filter-row">
        <span className="search-filter-label">Has</span>
        <div className="search-chips">
          {HAS_KINDS.map((kind) => {
            const token = `has:${kind}`;
            return (
              <button
                key={kind}
                type="button"
                className="search-chip"
                aria-pressed={hasFilter(query, token)}
                onClick={() => onQuery(toggleFilter(query, token))}
                data-testid={`search-filter-has-${kind}`}
              >
                {kind}
              </button>
            );
          })}
        </div>
      </div>
      <div className="search-filter-row">
        <label htmlFor={`${id}-date`}>Date</label>
        <select aria-label="Date filter" value={dateKind} onChange={(e) => setDateKind(e.target.value as DateFilter)}>
          <option value="before">before</option>
          <option value="after">after</option>
          <option value="on">on</option>
        </select>
        <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="search-filter-date" />
        <button
          type="button"
          className="secondary-button"
          disabled={!/^\d{4}-\d{2}-\d{2}$/u.test(date)}
          onClick={() => onQuery(setFilter(query, dateKind, date))}
        >
          Add
        </button>
      </div>
      <div className="search-filter-row">
        <span className="search-filter-label">Is</span>
        <div className="search-chips">
          {IS_KINDS.map((kind) => {
            const token = `is:${kind}`;
            return (
              <button
                key={kind}
                type="button"
                className="search-chip"
                aria-pressed={hasFilter(query, token)}
                onClick={() => onQuery(toggleFilter(query, token))}
                data-testid={`search-filter-is-${kind}`}
              >
                {kind}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
