import type { MessageStatus } from '../store/selectors';
import { CheckIcon, ClockIcon, DoubleCheckIcon } from '../ui/icons';

const labels: Record<MessageStatus, string> = {
  pending: 'Sending',
  failed: 'Not sent',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
};

/** Clock → ✓ → ✓✓ → blue ✓✓ for own messages. */
export function StatusTicks({ status }: { status: MessageStatus }) {
  return (
    <span className={`ticks ticks-${status}`} role="img" aria-label={labels[status]} title={labels[status]} data-testid="message-status">
      {status === 'pending' && <ClockIcon />}
      {status === 'sent' && <CheckIcon />}
      {(status === 'delivered' || status === 'read') && <DoubleCheckIcon />}
      {status === 'failed' && <span aria-hidden="true">!</span>}
    </span>
  );
}
