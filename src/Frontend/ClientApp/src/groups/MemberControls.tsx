import { UserMinus } from 'lucide-react';
import type { MemberRole } from '../api/types';

interface Props {
  name: string;
  role: MemberRole;
  /** Roles the caller may give this member; empty: the role is shown, not changed. */
  roles: MemberRole[];
  canRemove: boolean;
  busy: boolean;
  onRole: (role: MemberRole) => void;
  onRemove: () => void;
}

/** A member's role (a choice for those allowed to change it) and a remove button when allowed. */
export function MemberControls({ name, role, roles, canRemove, busy, onRole, onRemove }: Props) {
  return (
    <span className="member-controls">
      {roles.length > 0 ? (
        <select
          className="member-role-select"
          aria-label={`Role of ${name}`}
          value={role}
          disabled={busy}
          onChange={(e) => onRole(e.target.value)}
          data-testid="member-role"
        >
          {!roles.includes(role) && <option value={role}>{role}</option>}
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      ) : (
        role !== 'member' && (
          <span className="role-tag" data-testid="member-role-tag">
            {role}
          </span>
        )
      )}
      {canRemove && (
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove ${name}`}
          title="Remove from group"
          disabled={busy}
          onClick={onRemove}
          data-testid="member-remove"
        >
          <UserMinus size={18} aria-hidden="true" />
        </button>
      )}
    </span>
  );
}
