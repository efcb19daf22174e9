import { useEffect, useId, useState, type FormEvent } from 'react';
import { getOwnProfile, updateProfile } from '../api/account';
import { describeError } from '../api/errors';
import { useChatController } from '../store/ChatContext';
import { AvatarPicker } from '../files/AvatarPicker';
import { Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import { SettingsSection, StatusNote } from './SettingsSection';

// The server's limits (docs/protocol.md); shown as counters, enforced by the server.
const MAX_BIO_CHARS = 500;
const MAX_STATUS_CHARS = 140;

export function ProfileSettings() {
  const controller = useChatController();
  const bioId = useId();
  const [loaded, setLoaded] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [bio, setBio] = useState('');
  const [statusText, setStatusText] = useState('');
  const [avatarFileId, setAvatarFileId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getOwnProfile()
      .then((profile) => {
        if (!live) return;
        setDisplayName(profile.displayName ?? '');
        setBio(profile.bio ?? '');
        setStatusText(profile.statusText ?? '');
        setAvatarFileId(profile.avatarFileId ?? null);
        setLoaded(true);
      })
      .catch((err: unknown) => live && setError(describeError(err)));
    return () => {
      live = false;
    };
  }, []);

  async function changeAvatar(fileId: string | null) {
    const profile = await updateProfile({ avatarFileId: fileId });
    setAvatarFileId(profile.avatarFileId ?? null);
    controller.avatars.set(controller.myUserId, profile.avatarFileId ?? null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const profile = await updateProfile({ displayName, bio, statusText });
      setDisplayName(profile.displayName);
      setBio(profile.bio ?? '');
      setStatusText(profile.statusText ?? '');
      controller.updateMyDisplayName(profile.displayName);
      setStatus('Profile saved.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection title="Profile" testId="settings-profile">
      <AvatarPicker
        label="Profile photo"
        name={displayName}
        seed={controller.myUserId}
        fileId={avatarFileId}
        onChange={changeAvatar}
        disabled={!loaded}
        testId="profile-avatar"
      />
      <form className="settings-form" onSubmit={save} aria-busy={!loaded}>
        <Field
          label="Display name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-invalid={error ? true : undefined}
          autoComplete="nickname"
          disabled={!loaded}
          testId="profile-displayname"
        />
        <div className="field">
          <label htmlFor={bioId}>Bio</label>
          <textarea
            id={bioId}
            rows={3}
            value={bio}
            onChange={(e) => setBio(e.target.value)}
            aria-describedby={`${bioId}-count`}
            disabled={!loaded}
            data-testid="profile-bio"
          />
          <small id={`${bioId}-count`} className={`field-hint${bio.length > MAX_BIO_CHARS ? ' is-over' : ''}`}>
            {bio.length} / {MAX_BIO_CHARS}
          </small>
        </div>
        <Field
          label="Status"
          hint={`What you are up to, at most ${MAX_STATUS_CHARS} characters.`}
          value={statusText}
          onChange={(e) => setStatusText(e.target.value)}
          disabled={!loaded}
          testId="profile-status"
        />
        <FormError message={error} testId="profile-error" />
        <div className="settings-actions">
          <button type="submit" className="primary-button" disabled={busy || !loaded} data-testid="profile-save">
            {busy ? 'Saving…' : 'Save profile'}
          </button>
          <StatusNote message={status} testId="profile-saved" />
        </div>
      </form>
    </SettingsSection>
  );
}
