import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './confirmDialog.css';

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** A destructive action: the confirm button is red. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * Asks before an action that cannot be undone: a modal <dialog> with role alertdialog. The browser
 * makes the rest of the page inert; Tab cycles between its buttons, Escape cancels, and focus starts
 * on Cancel so a stray Enter does nothing harmful. The caller returns focus where it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, onConfirm, onCancel, testId = 'confirm-dialog' }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    cancelButton.current?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);

  // Closed before the answer is handed on: while the modal is open the rest of the page is inert and
  // cannot take focus; closing puts focus back where it was.
  function finish(answer: () => void) {
    const dialog = ref.current;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    answer();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(onCancel);
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])];
    if (buttons.length === 0) return;
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const next = event.shiftKey ? (index <= 0 ? buttons.length - 1 : index - 1) : (index + 1) % buttons.length;
    event.preventDefault();
    buttons[next].focus();
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        finish(onCancel);
      }}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {children && (
        <div id={bodyId} className="confirm-body">
          {children}
        </div>
      )}
      <div className="confirm-actions">
        <button ref={cancelButton} type="button" className="secondary-button" onClick={() => finish(onCancel)} data-testid="confirm-cancel">
          Cancel
        </button>
        <button
          type="button"
          className={`primary-button${danger ? ' is-danger' : ''}`}
          onClick={() => finish(onConfirm)}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
