// Self-destructing messages: the composer's timer choices and how a message's time left reads.

export interface TimerOption {
  seconds: number;
  /** Short, for the composer's control. */
  label: string;
}

/** The composer's choices; 0 is off. The server accepts anything from 1 s to 7 days. */
export const TIMER_OPTIONS: readonly TimerOption[] = [
  { seconds: 0, label: 'Timer off' },
  { seconds: 10, label: '10 s' },
  { seconds: 30, label: '30 s' },
  { seconds: 5 * 60, label: '5 min' },
  { seconds: 60 * 60, label: '1 h' },
  { seconds: 24 * 60 * 60, label: '1 day' },
  { seconds: 7 * 24 * 60 * 60, label: '1 week' },
];

/** Time left, compact: "45s", "12m", "3h", "6d". */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.ceil(seconds / 3600)}h`;
  return `${Math.ceil(seconds / 86_400)}d`;
}

/** How long to wait before the compact label can change. */
export function refreshDelayMs(ms: number): number {
  if (ms <= 60_000) return 1000;
  if (ms <= 3_600_000) return 15_000;
  return 60_000;
}
