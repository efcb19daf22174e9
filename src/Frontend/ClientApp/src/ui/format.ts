const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export function formatTime(iso: string | number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : time.format(date);
}

/** Time today, weekday this week, else a short date (with the year if not this one): for the conversation list. */
export function formatListTime(epochMs: number): string {
  if (!epochMs) return '';
  const date = new Date(epochMs);
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (now.getTime() - date.getTime() < 6 * 24 * 3600 * 1000) return weekday.format(date);
  return date.getFullYear() === now.getFullYear() ? shortDate.format(date) : dateWithYear.format(date);
}

export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date();
  const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
  if (date.toDateString() === today.toDateString()) return 'Today';
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return longDate.format(date);
}

export function dayKey(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toDateString();
}

export function formatLastSeen(iso: string | null): string {
  if (!iso) return 'offline';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'offline';
  const today = new Date().toDateString() === date.toDateString();
  return today ? `last seen at ${time.format(date)}` : `last seen ${shortDate.format(date)}`;
}
