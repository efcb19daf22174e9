const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const longWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });

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

/**
 * "last seen just now", "… 5 minutes ago", "… today at 14:02", "… yesterday at 14:02", "… on 3 Dec at
 * 14:02"; empty when the server does not say (the user hides it from this viewer).
 */
export function formatLastSeen(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const minutes = Math.floor((now - date.getTime()) / 60_000);
  if (minutes < 1) return 'last seen just now';
  if (minutes < 60) return `last seen ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const today = new Date(now);
  const yesterday = new Date(now - 24 * 3600 * 1000);
  const at = time.format(date);
  if (date.toDateString() === today.toDateString()) return `last seen today at ${at}`;
  if (date.toDateString() === yesterday.toDateString()) return `last seen yesterday at ${at}`;
  return `last seen on ${shortDate.format(date)} at ${at}`;
}
