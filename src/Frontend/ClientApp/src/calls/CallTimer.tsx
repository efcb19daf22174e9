import { useNow } from '../ui/useNow';
import { formatCallDuration } from './callerName';

/** Time since the call was answered, from the server's answeredAt (so a reload shows the same); nothing while it rings. */
export function CallTimer({ answeredAt }: { answeredAt: string | null }) {
  const started = answeredAt ? Date.parse(answeredAt) : NaN;
  const running = Number.isFinite(started);
  const now = useNow(1000, running);
  if (!running) return null;
  return (
    <span className="call-timer" data-testid="call-timer" role="timer" aria-label="Call duration">
      {formatCallDuration((now - started) / 1000)}
    </span>
  );
}
