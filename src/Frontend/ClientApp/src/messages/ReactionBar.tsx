import type { MessageAction, ReactionView } from './messageAction';

/** Counts per emoji under a message; each toggles the user's own reaction. */
export function ReactionBar({ seq, reactions, onAction }: {
  seq: number;
  reactions: readonly ReactionView[];
  onAction: (action: MessageAction) => void;
}) {
  return (
    <div className="reactions" role="group" aria-label="Reactions" data-testid="reactions">
      {reactions.map((r) => (
        <button
          key={r.emoji}
          type="button"
          className={`reaction${r.mine ? ' is-mine' : ''}`}
          aria-pressed={r.mine}
          aria-label={`${r.emoji} ${r.count} ${r.count === 1 ? 'reaction' : 'reactions'}${r.mine ? ', including yours' : ''}`}
          title={r.mine ? 'Take back your reaction' : 'React too'}
          onClick={() => onAction({ kind: 'react', seq, emoji: r.emoji })}
          data-testid="reaction"
          data-emoji={r.emoji}
          data-count={r.count}
          data-mine={r.mine ? 'true' : 'false'}
        >
          <span className="reaction-emoji" aria-hidden="true" data-testid="reaction-emoji">
            {r.emoji}
          </span>
          <span className="reaction-count" aria-hidden="true">
            {r.count}
          </span>
        </button>
      ))}
    </div>
  );
}
