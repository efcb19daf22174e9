import { useEffect, useState } from 'react';
import { formatTime } from '../ui/format';
import { ClockIcon } from '../ui/icons';
import { formatTimeLeft, refreshDelayMs } from './disappearing';

const longDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The timer mark of a self-destructing message: the time left, counting down, and for screen
 * readers the time it disappears (stable, so nothing is re-read every second).
 */
export function ExpiryMark({ expiresAt }: { expiresAt: string }) {
  const at = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const left = at - now;

  useEffect(() => {
    if (Number.isNaN(at) || left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), refreshDelayMs(left));
    return () => clearTimeout(timer);
  }, [at, left]);

  if (Number.isNaN(at)) return null;
  const sameDay = new Date(at).toDateString() === new Date().toDateString();
  const when = sameDay ? formatTime(expiresAt) : longDateTime.format(new Date(at));
  return (
    <span className="bubble-expiry" title={`Disappears at ${when}`} data-testid="message-expiry" data-expires-at={expiresAt}>
      <ClockIcon />
      <span aria-hidden="true">{formatTimeLeft(left)}</span>
      <span className="visually-hidden">Disappears at {when}</span>
      <span aria-hidden="true"> · </span>
    </span>
  );
}
