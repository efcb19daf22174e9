import { useEffect, useId, useRef } from 'react';
import { useCallManager } from '../calls/CallContext';
import { CloseIcon } from '../ui/icons';
import { AwayMessageSettings } from './AwayMessageSettings';
import { BlockedUsersSettings } from './BlockedUsersSettings';
import { PrivacySettings } from './PrivacySettings';
import { ProfileSettings } from './ProfileSettings';
import { SessionsSettings } from './SessionsSettings';
import { TwoFactorSettings } from './TwoFactorSettings';
import './settings.css';

/**
 * The settings screen as a modal <dialog>: the browser keeps focus inside it, makes the rest of the
 * page inert and closes it on Escape; the caller puts focus back on the button that opened it.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const calls = useCallManager();

  // A modal dialog sits above everything, the call layer too: make way when a call needs the person.
  useEffect(() => {
    if (!calls) return;
    return calls.subscribe(() => {
      const call = calls.getState();
      if ((call.incoming || (call.active && !call.minimized)) && ref.current?.open) ref.current.close();
    });
  }, [calls]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  return (
    <dialog ref={ref} className="settings-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="settings">
      <header className="settings-header">
        <h1 id={titleId}>Settings</h1>
        <button
          type="button"
          className="icon-button"
          aria-label="Close settings"
          title="Close (Esc)"
          onClick={() => (ref.current?.open && typeof ref.current.close === 'function' ? ref.current.close() : onClose())}
          data-testid="settings-close"
        >
          <CloseIcon />
        </button>
      </header>
      <div className="settings-body">
        <ProfileSettings />
        <PrivacySettings />
        <AwayMessageSettings />
        <TwoFactorSettings />
        <SessionsSettings />
        <BlockedUsersSettings />
      </div>
    </dialog>
  );
}
