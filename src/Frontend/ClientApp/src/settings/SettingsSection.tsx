import { useId, type ReactNode } from 'react';

/** A titled part of the settings screen; the heading names the region for screen readers. */
export function SettingsSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A polite status line ("Saved."), read out without moving focus. */
export function StatusNote({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p className="settings-status" role="status" data-testid={testId}>
      {message ?? ''}
    </p>
  );
}
