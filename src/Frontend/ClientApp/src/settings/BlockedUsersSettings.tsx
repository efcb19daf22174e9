import { useEffect, useState } from 'react';
import { listBlocks, unblockUser, type BlockedUser } from '../api/account';
import { describeError } from '../api/errors';
import { Avatar } from '../ui/Avatar';
import { FormError } from '../ui/FormError';
import { SettingsSection, StatusNote } from './SettingsSection';

export function BlockedUsersSettings() {
  const [blocked, setBlocked] = useState<BlockedUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listBlocks()
      .then((list) => live && setBlocked(list))
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  async function unblock(user: BlockedUser) {
    setError(null);
    try {
      await unblockUser(user.userId);
      setBlocked((list) => list?.filter((u) => u.userId !== user.userId) ?? null);
      setStatus(`${user.displayName || user.username} is unblocked.`);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <SettingsSection title="Blocked users" testId="settings-blocks">
      {!blocked && !error && <p className="muted">Loading…</p>}
      {blocked && blocked.length === 0 && <p className="muted">You have not blocked anyone.</p>}
      {blocked && blocked.length > 0 && (
        <ul className="settings-list" aria-label="Blocked users">
          {blocked.map((user) => {
            const name = user.displayName || user.username;
            return (
              <li key={user.userId} className="settings-row" data-testid="blocked-item">
                <Avatar name={name} seed={user.userId} />
                <span className="settings-row-text">
                  <span className="settings-row-title">{name}</span>
                  <span className="muted">@{user.username}</span>
                </span>
                <button type="button" className="secondary-button" aria-label={`Unblock ${name}`} onClick={() => void unblock(user)}>
                  Unblock
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={error} testId="blocks-error" />
      <StatusNote message={status} />
    </SettingsSection>
  );
}
