import { LogOut } from 'lucide-react';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Leave the group, after a confirmation. */
export function LeaveGroupButton({ name, kind, busy, onLeave }: { name: string; kind: string; busy: boolean; onLeave: () => void }) {
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="group-section">
      <button ref={button} type="button" className="secondary-button is-danger-text" disabled={busy} onClick={() => setAsking(true)} data-testid="group-leave">
        <LogOut size={16} aria-hidden="true" />
        Leave {kind}
      </button>
      {asking && (
        <ConfirmDialog
          title={`Leave “${name}”?`}
          confirmLabel="Leave"
          danger
          onConfirm={() => {
            setAsking(false);
            onLeave();
          }}
          onCancel={() => {
            setAsking(false);
            button.current?.focus();
          }}
          testId="confirm-leave"
        >
          You will stop receiving its messages. To come back, someone has to add you again.
        </ConfirmDialog>
      )}
    </div>
  );
}
