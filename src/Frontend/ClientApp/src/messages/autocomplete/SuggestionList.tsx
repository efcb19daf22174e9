import { Avatar } from '../../ui/Avatar';
import type { Suggestion } from './Suggestion';

/** The listbox above the composer; mouse down keeps the focus (and the caret) in the textarea. */
export function SuggestionList({ id, optionId, kind, suggestions, activeIndex, onChoose }: {
  id: string;
  optionId: (index: number) => string;
  kind: 'mention' | 'emoji' | null;
  suggestions: readonly Suggestion[];
  activeIndex: number;
  onChoose: (index: number) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      className="suggestions"
      aria-label={kind === 'emoji' ? 'Emoji' : 'Members'}
      data-testid="composer-suggestions"
      data-kind={kind ?? undefined}
    >
      {suggestions.map((s, index) => (
        <li
          key={s.key}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          className={`suggestion${index === activeIndex ? ' is-active' : ''}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(index)}
          data-testid="composer-suggestion"
          data-insert={s.insert}
        >
          {s.emoji ? (
            <span className="suggestion-emoji" aria-hidden="true">
              {s.emoji}
            </span>
          ) : (
            <Avatar name={s.label} seed={s.userId ?? s.key} />
          )}
          {!s.emoji && <span className="suggestion-label">{s.label}</span>}
          <span className="suggestion-detail">{s.detail}</span>
        </li>
      ))}
    </ul>
  );
}
