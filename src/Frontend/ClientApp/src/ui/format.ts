const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const longWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });

export function formatTime(iso: string | number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : time.format(date);
}

/** Time today, weekday this week, else a short date: for the conversation list. */
export function formatListTime(epochMs: number): string {
  if (!epochMs) return '';
  const date = new Date(epochMs);
  const now = new Date();
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (now.getTime() - date.getTime() < 6 * 24 * 3600 * 1000) return weekday.format(date);
  return shortDate.format(date);
}

/** A day separator's label: "Today", "Yesterday", the weekday within the last week, else a date. */
export function formatDay(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return longWeekday.format(date);
  return (date.getFullYear() === now.getFullYear() ? dayMonth : longDate).format(date);
}

/** Local midnight, so daylight-saving days still count as one day. */
function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
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
