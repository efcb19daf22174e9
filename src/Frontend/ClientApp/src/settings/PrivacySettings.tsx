import { useEffect, useId, useState, type FormEvent } from 'react';
import { getPrivacy, setPrivacy, type Audience, type Privacy } from '../api/account';
import { describeError } from '../api/errors';
import { FormError } from '../ui/FormError';
import { SettingsSection, StatusNote } from './SettingsSection';

const audiences: { value: Audience; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'contacts', label: 'My contacts' },
  { value: 'nobody', label: 'Nobody' },
];

const settings: { key: keyof Privacy; label: string; hint: string }[] = [
  { key: 'lastSeen', label: 'Last seen', hint: 'Who sees when you were last online.' },
  { key: 'profilePhoto', label: 'Profile photo', hint: 'Who sees your photo.' },
  { key: 'readReceipts', label: 'Read receipts', hint: 'Who sees that you have read their messages.' },
  { key: 'groupAdds', label: 'Groups', hint: 'Who may add you to groups and channels.' },
  { key: 'findByEmail', label: 'Find me by email', hint: 'Who may find you in search by your exact email address.' },
  { key: 'findByPhone', label: 'Find me by phone', hint: 'Who may find you in search by your exact phone number.' },
];

function AudienceSelect({ setting, value, onChange, disabled }: {
  setting: (typeof settings)[number];
  value: Audience;
  onChange: (value: Audience) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{setting.label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value as Audience)}
        data-testid={`privacy-${setting.key}`}
      >
        {audiences.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </select>
      <small id={`${id}-hint`} className="field-hint">
        {setting.hint}
      </small>
    </div>
  );
}

export function PrivacySettings() {
  const [privacy, setLocal] = useState<Privacy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getPrivacy()
      .then((value) => live && setLocal(value))
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!privacy || busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setLocal(await setPrivacy(privacy));
      setStatus('Privacy settings saved.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection title="Privacy" testId="settings-privacy">
      <form className="settings-form" onSubmit={save} aria-busy={!privacy}>
        <div className="settings-grid">
          {settings.map((setting) => (
            <AudienceSelect
              key={setting.key}
              setting={setting}
              value={privacy?.[setting.key] ?? 'everyone'}
              disabled={!privacy}
              onChange={(value) => setLocal((p) => (p ? { ...p, [setting.key]: value } : p))}
            />
          ))}
        </div>
        <FormError message={error} testId="privacy-error" />
        <div className="settings-actions">
          <button type="submit" className="primary-button" disabled={busy || !privacy} data-testid="privacy-save">
            {busy ? 'Saving…' : 'Save privacy'}
          </button>
          <StatusNote message={status} testId="privacy-saved" />
        </div>
      </form>
    </SettingsSection>
  );
}
