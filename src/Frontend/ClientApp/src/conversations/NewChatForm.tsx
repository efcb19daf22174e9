import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import type { ConversationType } from '../api/types';
import { navigateToConversation } from '../app/useHashConversation';
import { useChatController } from '../store/ChatContext';
import { FormError } from '../ui/FormError';
import type { PersonHit } from '../api/search';
import { PeopleSuggestField } from '../search/PeopleSuggestField';

const KINDS: { value: ConversationType; label: string }[] = [
  { value: 'direct', label: 'Direct' },
  { value: 'group', label: 'Group' },
  { value: 'channel', label: 'Channel' },
];

/** The last name of a comma-separated list: what suggestions are for while it is typed. */
const lastName = (list: string) => list.split(',').pop() ?? '';

/**
 * Starts a direct chat by username, a group (name + usernames) or a channel (name); the username
 * fields suggest people as they are typed.
 */
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
    await start(username);
  }

  /** A suggested person for a direct chat starts it at once; for a group, joins the member list. */
  function pickPerson(person: PersonHit) {
    if (kind === 'direct') {
      setUsername(person.username);
      void start(person.username);
      return;
    }
    const names = members.split(',').slice(0, -1).map((n) => n.trim()).filter(Boolean);
    setMembers([...names, person.username].join(', ') + ', ');
  }

  async function start(directUsername: string) {
    if (busy) return;
    setError(null);
    const usernames = kind === 'direct' ? [directUsername] : kind === 'group' ? members.split(',') : [];
    if (kind === 'direct' && !directUsername.trim()) return setError('Enter a username.');
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
            <PeopleSuggestField
              id={`${id}-username`}
              label="Username or name to chat with"
              placeholder="Username or name"
              value={username}
              onChange={setUsername}
              termOf={(value) => value}
              onPick={pickPerson}
              testId="new-direct-username"
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
            <PeopleSuggestField
              id={`${id}-members`}
              label="Members (usernames, comma-separated)"
              placeholder="Usernames, comma-separated"
              value={members}
              onChange={setMembers}
              termOf={lastName}
              onPick={pickPerson}
              testId="new-group-usernames"
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
