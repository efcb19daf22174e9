import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MoreIcon } from '../ui/icons';
import { QUICK_REACTIONS, type MessageAction } from './messageAction';

interface Props {
  seq: number;
  mine: boolean;
  /** The message's text, so the button says which message it acts on. */
  describedBy: string;
  deleted: boolean;
  canEdit: boolean;
  canDeleteForEveryone: boolean;
  onAction: (action: MessageAction) => void;
}

/**
 * The "⋯" button beside a message and its menu (WAI-ARIA menu button): arrow keys move between
 * items, Escape closes and returns focus to the button, a click outside closes.
 */
export function MessageActionsMenu({ seq, mine, describedBy, deleted, canEdit, canDeleteForEveryone, onAction }: Props) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [opensUp, setOpensUp] = useState(false);
  /** Delete for everyone waits for a yes in a confirmation dialog. */
  const [confirming, setConfirming] = useState(false);

  // Below the message unless that runs past the bottom of the history and there is room above.
  useLayoutEffect(() => {
    if (!open) {
      setOpensUp(false);
      return;
    }
    const el = menu.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const bounds = el.closest('.message-scroller')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const row = el.parentElement?.parentElement?.getBoundingClientRect();
    if (rect.bottom > bounds.bottom && row && row.top - rect.height >= bounds.top) setOpensUp(true);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }

  function choose(action: MessageAction) {
    if (action.kind === 'delete' && action.forEveryone) {
      close(false);
      setConfirming(true);
      return;
    }
    close(true);
    onAction(action);
  }

  function answer(confirmed: boolean) {
    setConfirming(false);
    trigger.current?.focus();
    if (confirmed) onAction({ kind: 'delete', seq, forEveryone: true });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      items[next]?.focus();
    }
  }

  const item = (label: string, testId: string, action: MessageAction, danger = false) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={`menu-item${danger ? ' is-danger' : ''}`}
      onClick={() => choose(action)}
      data-testid={testId}
    >
      {label}
    </button>
  );

  return (
    <div className={`message-actions${mine ? ' mine' : ''}`}>
      <button
        ref={trigger}
        type="button"
        className="icon-button message-actions-trigger"
        aria-label="Message actions"
        aria-describedby={describedBy}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title="Reply, react, edit or delete"
        onClick={() => setOpen((value) => !value)}
        data-testid="message-actions"
      >
        <MoreIcon />
      </button>
      {open && (
        <div id={menuId} ref={menu} role="menu" aria-label="Message actions" className={`message-menu${opensUp ? ' opens-up' : ''}`} onKeyDown={onKeyDown}>
          {!deleted && (
            <div role="group" aria-label="React" className="menu-reactions">
              {QUICK_REACTIONS.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-emoji"
                  aria-label={`React with ${emoji}`}
                  onClick={() => choose({ kind: 'react', seq, emoji })}
                  data-testid="action-react"
                  data-emoji={emoji}
                >
                  {emoji}
                </button>
              ))}
            </div>
          )}
          {!deleted && item('Reply', 'action-reply', { kind: 'reply', seq })}
          {canEdit && item('Edit', 'action-edit', { kind: 'edit', seq })}
          {item('Delete for me', 'action-delete-me', { kind: 'delete', seq, forEveryone: false }, true)}
          {canDeleteForEveryone && item('Delete for everyone', 'action-delete-all', { kind: 'delete', seq, forEveryone: true }, true)}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete for everyone?"
          confirmLabel="Delete for everyone"
          danger
          onConfirm={() => answer(true)}
          onCancel={() => answer(false)}
          testId="confirm-delete"
        >
          The message is removed for every member of the conversation. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}
