import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import type { ConversationType } from '../api/types';
import { navigateToConversation } from '../app/useHashConversation';
import { useChatController } from '../store/ChatContext';
import { FormError } from '../ui/FormError';

const KINDS: { value: ConversationType; label: string }[] = [
  { value: 'direct', label: 'Direct' },
  { value: 'group', label: 'Group' },
  { value: 'channel', label: 'Channel' },
];

/** Starts a direct chat by username, a group (name + usernames) or a channel (name). */
export function NewChatForm() {
  const controller = useChatController();
  const id = useId();
  const [kind, setKind] = useState<ConversationType>('direct');
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const usernames = kind === 'direct' ? [username] : kind === 'group' ? members.split(',') : [];
    if (kind === 'direct' && !username.trim()) return setError('Enter a username.');
    if (kind !== 'direct' && !name.trim()) return setError('Enter a name.');
    setBusy(true);
    try {
      const conversationId = await controller.createConversation(kind, name, usernames);
      setUsername('');
      setName('');
      setMembers('');
      navigateToConversation(conversationId);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      setUsername('');
      setName('');
      setMembers('');
      setError(null);
    }
  }

  return (
    <section className="new-chat" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        New chat
      </h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Conversation type</legend>
        {KINDS.map((k) => (
          <label key={k.value} className={kind === k.value ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.value}
              checked={kind === k.value}
              onChange={() => {
                setKind(k.value);
                setError(null);
              }}
              data-testid={`new-kind-${k.value}`}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <form className="new-chat-form" onSubmit={submit} onKeyDown={onKeyDown}>
        {kind === 'direct' && (
          <div className="inline-field">
            <label htmlFor={`${id}-username`} className="visually-hidden">
              Username to chat with
            </label>
            <input
              id={`${id}-username`}
              placeholder="Username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="new-direct-username"
            />
            <button type="submit" className="primary-button" disabled={busy} data-testid="new-direct-submit">
              Chat
            </button>
          </div>
        )}
        {kind !== 'direct' && (
          <>
            <label htmlFor={`${id}-name`} className="visually-hidden">
              {kind === 'group' ? 'Group name' : 'Channel name'}
            </label>
            <input
              id={`${id}-name`}
              placeholder={kind === 'group' ? 'Group name' : 'Channel name'}
              maxLength={128}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid={`new-${kind}-name`}
            />
          </>
        )}
        {kind === 'group' && (
          <>
            <label htmlFor={`${id}-members`} className="visually-hidden">
              Members (usernames, comma-separated)
            </label>
            <input
              id={`${id}-members`}
              placeholder="Usernames, comma-separated"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={members}
              onChange={(e) => setMembers(e.target.value)}
              data-testid="new-group-usernames"
            />
          </>
        )}
        {kind !== 'direct' && (
          <button type="submit" className="primary-button" disabled={busy} data-testid={`new-${kind}-submit`}>
            {kind === 'group' ? 'Create group' : 'Create channel'}
          </button>
        )}
        <FormError message={error} testId="new-chat-error" />
      </form>
    </section>
  );
}
