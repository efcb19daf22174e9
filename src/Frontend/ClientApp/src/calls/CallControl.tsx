import type { ReactNode, Ref } from 'react';

/** A round icon button of the call view; the label is its accessible name and its tooltip. */
export function CallControl({ testId, label, pressed, danger = false, onClick, ref, children }: {
  testId: string;
  label: string;
  /** For toggles (mute, camera, screen): whether it is on. */
  pressed?: boolean;
  danger?: boolean;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  return (
    <button
      ref={ref}
      type="button"
      className={`call-control${danger ? ' call-danger' : ''}`}
      data-testid={testId}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
