import { UserPlus } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';

/** Adds members by username (comma-separated, as the new-chat form takes them). */
export function AddMembersForm({ busy, onAdd }: { busy: boolean; onAdd: (usernames: string[]) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onAdd(text.split(','))) setText('');
  }

  return (
    <form className="group-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Add members (usernames, comma-separated)
      </label>
      <input
        id={id}
        placeholder="Add by username"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="group-add-usernames"
      />
      <button type="submit" className="primary-button" disabled={busy || !text.trim()} data-testid="group-add-submit">
        <UserPlus size={16} aria-hidden="true" />
        Add
      </button>
    </form>
  );
}
