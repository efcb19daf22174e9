import { Copy, Link2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { InviteLink } from '../api/types';
import { inviteHref } from '../app/useHashConversation';

interface Props {
  busy: boolean;
  onCreate: () => Promise<InviteLink | null>;
  onRevoke: (code: string) => Promise<boolean>;
}

/** Creates an invite link (its code is shown once, so only here), copies it, and revokes it. */
export function InviteLinkSection({ busy, onCreate, onRevoke }: Props) {
  const [link, setLink] = useState<InviteLink | null>(null);
  const [copied, setCopied] = useState(false);
  const fieldId = useId();
  const url = link ? new URL(inviteHref(link.code), window.location.href).toString() : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: the link is selectable in the field.
      setCopied(false);
    }
  }

  if (!link) {
    return (
      <div className="group-section">
        <button
          type="button"
          className="secondary-button"
          disabled={busy}
          onClick={async () => {
            const created = await onCreate();
            if (created) {
              setCopied(false);
              setLink(created);
            }
          }}
          data-testid="invite-create"
        >
          <Link2 size={16} aria-hidden="true" />
          Create invite link
        </button>
      </div>
    );
  }

  return (
    <div className="group-section">
      <label className="muted invite-label" htmlFor={fieldId}>
        Invite link (shown once)
      </label>
      <div className="group-form">
        <input id={fieldId} readOnly value={url} onFocus={(e) => e.target.select()} data-testid="invite-link" />
        <button type="button" className="icon-button" aria-label="Copy invite link" title="Copy" onClick={() => void copy()} data-testid="invite-copy">
          <Copy size={18} aria-hidden="true" />
        </button>
      </div>
      <div className="group-form">
        {copied && (
          <span className="muted" role="status">
            Copied
          </span>
        )}
        <button
          type="button"
          className="secondary-button"
          disabled={busy}
          onClick={async () => {
            if (await onRevoke(link.code)) setLink(null);
          }}
          data-testid="invite-revoke"
        >
          Revoke link
        </button>
      </div>
    </div>
  );
}
