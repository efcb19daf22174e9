import { useEffect, useId, useState, type FormEvent } from 'react';
import { describeError } from '../api/errors';
import { getAutoReply, setAutoReply, type AutoReply } from '../api/users';
import { FormError } from '../ui/FormError';
import { fromLocalInput, toLocalInput } from '../ui/localDateTime';
import { SettingsSection, StatusNote } from './SettingsSection';

const MAX_MESSAGE_CHARS = 1000;

/**
 * The away message: while it is on, direct messages are answered with it in this user's name.
 * Length and dates are checked by the server, whose error is shown as it is.
 */
export function AwayMessageSettings() {
  const id = useId();
  const [loaded, setLoaded] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const [message, setMessage] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function show(settings: AutoReply) {
    setEnabled(settings.enabled);
    setMessage(settings.message ?? '');
    setUntil(toLocalInput(settings.until));
    setLoaded(true);
  }

  useEffect(() => {
    let live = true;
    getAutoReply()
      .then((value) => live && show(value))
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!loaded || busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      show(await setAutoReply({ enabled, message, until: fromLocalInput(until) }));
      setStatus(enabled ? 'Away message on.' : 'Away message off.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection title="Away message" testId="settings-away">
      <form className="settings-form" onSubmit={save} aria-busy={!loaded}>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={enabled}
            disabled={!loaded}
            onChange={(e) => setEnabled(e.target.checked)}
            aria-describedby={`${id}-hint`}
            data-testid="away-enabled"
          />
          <span>Answer direct messages automatically</span>
        </label>
        <small id={`${id}-hint`} className="field-hint">
          Each chat gets the answer at most once every 12 hours; groups and channels get none.
        </small>
        <div className="field">
          <label htmlFor={`${id}-message`}>Message</label>
          <textarea
            id={`${id}-message`}
            rows={3}
            value={message}
            disabled={!loaded}
            aria-describedby={`${id}-count`}
            aria-invalid={message.length > MAX_MESSAGE_CHARS || undefined}
            onChange={(e) => setMessage(e.target.value)}
            data-testid="away-message"
          />
          <small id={`${id}-count`} className={`field-hint${message.length > MAX_MESSAGE_CHARS ? ' is-over' : ''}`}>
            {message.length} / {MAX_MESSAGE_CHARS}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>Until (optional)</label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            value={until}
            disabled={!loaded}
            aria-describedby={`${id}-until-hint`}
            onChange={(e) => setUntil(e.target.value)}
            data-testid="away-until"
          />
          <small id={`${id}-until-hint`} className="field-hint">
            Leave empty to keep it on until you turn it off.
          </small>
        </div>
        <FormError message={error} testId="away-error" />
        <div className="settings-actions">
          <button type="submit" className="primary-button" disabled={busy || !loaded} data-testid="away-save">
            {busy ? 'Saving…' : 'Save away message'}
          </button>
          <StatusNote message={status} testId="away-saved" />
        </div>
      </form>
    </SettingsSection>
  );
}
