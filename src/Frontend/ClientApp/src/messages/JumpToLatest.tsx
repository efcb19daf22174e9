import { JumpDownIcon } from '../ui/icons';

/** The floating button over a history scrolled up from the bottom, with how many messages came meanwhile. */
export function JumpToLatest({ newCount, onJump }: { newCount: number; onJump: () => void }) {
  const label = newCount > 0 ? `Jump to latest, ${newCount} new ${newCount === 1 ? 'message' : 'messages'}` : 'Jump to latest';
  return (
    <button type="button" className="jump-latest" aria-label={label} title="Jump to latest" onClick={onJump} data-testid="jump-latest">
      <JumpDownIcon />
      {newCount > 0 && (
        <span className="jump-latest-count" aria-hidden="true" data-testid="jump-latest-count">
          {newCount > 99 ? '99+' : newCount}
        </span>
      )}
    </button>
  );
}
