import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { searchPeople, type PersonHit } from '../api/search';
import { PersonView } from './SearchResultItems';
import { useDebounced } from './useDebounced';
import './search.css';

const SUGGESTIONS = 6;
const DEBOUNCE_MS = 200;

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The part of the value people are searched by (the last of a comma-separated list, say). */
  termOf: (value: string) => string;
  onPick: (person: PersonHit) => void;
  placeholder: string;
  testId: string;
  /** Enter without a suggestion picked (when the field is not in a form that submits). */
  onEnter?: () => void;
}

/**
 * A username field that suggests people (GET /api/search/people) as the user types: arrows move,
 * Enter picks, Escape closes; without a pick the field keeps what was typed.
 */
export function PeopleSuggestField({ id, label, value, onChange, termOf, onPick, placeholder, testId, onEnter }: Props) {
  const listId = useId();
  const term = useDebounced(termOf(value).trim().replace(/^@/u, ''), DEBOUNCE_MS);
  // With the term they answer: a list for an older term is never shown under a newer one.
  const [found, setFound] = useState<{ term: string; people: PersonHit[] }>({ term: '', people: [] });
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    setActive(-1);
    if (!term) {
      setFound({ term: '', people: [] });
      return;
    }
    const abort = new AbortController();
    searchPeople(term.slice(0, 100), SUGGESTIONS, abort.signal)
      .then((people) => {
        if (!abort.signal.aborted) setFound({ term: term.toLowerCase(), people });
      })
      .catch(() => {
        if (!abort.signal.aborted) setFound({ term: '', people: [] });
      });
    return () => abort.abort();
  }, [term]);

  // Nothing to suggest beyond what is typed: one person whose username it already is.
  const typed = termOf(value).trim().replace(/^@/u, '').toLowerCase();
  const people = found.term === typed ? found.people : [];
  const onlyWhatIsTyped = people.length === 1 && people[0].username.toLowerCase() === typed;
  const open = focused && !dismissed && typed !== '' && people.length > 0 && !onlyWhatIsTyped;

  const pick = (person: PersonHit) => {
    setFound({ term: '', people: [] });
    setActive(-1);
    onPick(person);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && onEnter && !(open && active >= 0)) {
      event.preventDefault();
      onEnter();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : people.length - 1) : (a + step + people.length) % people.length));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(people[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    }
  };

  return (
    <div className="people-suggest">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          setDismissed(false);
          onChange(e.target.value);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Suggested people" className="people-suggestions" data-testid="people-suggestions">
          {people.map((person, index) => (
            <li
              key={person.userId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`search-option${index === active ? ' is-active' : ''}`}
              data-testid="people-suggestion"
              data-username={person.username}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(person)}
            >
              <PersonView person={person} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
