import { Pencil } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';

interface Props {
  name: string;
  canRename: boolean;
  busy: boolean;
  onRename: (name: string) => Promise<boolean>;
}

/** The group's name, and for owners and admins a small form to rename it. */
export function GroupNameEditor({ name, canRename, busy, onRename }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onRename(draft)) setEditing(false);
  }

  if (!editing) {
    return (
      <div className="group-name">
        <span className="group-name-text" data-testid="group-name">
          {name}
        </span>
        {canRename && (
          <button
            type="button"
            className="icon-button"
            aria-label="Rename group"
            title="Rename"
            data-testid="group-rename"
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            <Pencil size={18} aria-hidden="true" />
          </button>
        )}
      </div>
    );
  }

  return (
    <form className="group-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}>
      <label htmlFor={id} className="visually-hidden">
        New name
      </label>
      <input
        id={id}
        value={draft}
        maxLength={128}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        data-testid="group-rename-input"
      />
      <button type="submit" className="primary-button" disabled={busy || !draft.trim()} data-testid="group-rename-save">
        Save
      </button>
      <button type="button" className="secondary-button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
