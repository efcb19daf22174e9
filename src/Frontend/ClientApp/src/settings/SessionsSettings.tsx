import { useCallback, useEffect, useState } from 'react';
import { listSessions, revokeSession, type SessionRow } from '../api/account';
import { describeError } from '../api/errors';
import { formatListTime } from '../ui/format';
import { FormError } from '../ui/FormError';
import { describeDevice } from './deviceName';
import { SettingsSection, StatusNote } from './SettingsSection';

export function SessionsSettings() {
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setSessions(await listSessions());
    } catch (err) {
      setError(describeError(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function revoke(session: SessionRow) {
    setBusyId(session.sessionId);
    setError(null);
    setStatus(null);
    try {
      await revokeSession(session.sessionId);
      setSessions((list) => list?.filter((s) => s.sessionId !== session.sessionId) ?? null);
      setStatus(`Signed out ${describeDevice(session.deviceName)}.`);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <SettingsSection title="Sessions" testId="settings-sessions">
      <p className="muted">Devices signed in to your account. A device you sign out cannot renew its sign-in: it is signed out when its current access runs out (15 minutes by default).</p>
      {!sessions && !error && <p className="muted">Loading sessions…</p>}
      {sessions && (
        <ul className="settings-list" aria-label="Signed-in devices" data-testid="session-list">
          {sessions.map((session) => {
            const name = describeDevice(session.deviceName);
            return (
              <li key={session.sessionId} className="settings-row" data-testid="session-item" data-current={session.current ? 'true' : 'false'}>
                <span className="settings-row-text">
                  <span className="settings-row-title" title={session.deviceName}>
                    {name}
                    {session.current && <span className="tag" data-testid="session-current">This device</span>}
                  </span>
                  <span className="muted">
                    Signed in {formatListTime(Date.parse(session.createdAt))} · active {formatListTime(Date.parse(session.lastUsedAt))}
                  </span>
                </span>
                {!session.current && (
                  <button
                    type="button"
                    className="secondary-button"
                    aria-label={`Sign out ${name}, signed in ${formatListTime(Date.parse(session.createdAt))}`}
                    disabled={busyId === session.sessionId}
                    onClick={() => void revoke(session)}
                    data-testid="session-revoke"
                  >
                    Sign out
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={error} testId="sessions-error" />
      <div className="settings-actions">
        <button type="button" className="secondary-button" onClick={() => void load()} data-testid="sessions-refresh">
          Refresh list
        </button>
        <StatusNote message={status} />
      </div>
    </SettingsSection>
  );
}
