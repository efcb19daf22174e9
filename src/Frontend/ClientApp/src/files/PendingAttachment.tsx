import type { Attachment } from './attachment';
import { CloseIcon, RetryIcon } from '../ui/icons';
import { FileTypeIcon } from './FileTypeIcon';
import { formatBytes } from './messageFiles';

function stateText(attachment: Attachment): string {
  switch (attachment.state) {
    case 'uploading':
      return `${formatBytes(attachment.sentBytes)} of ${formatBytes(attachment.size)}`;
    case 'processing':
      return 'Preparing previews…';
    case 'ready':
      return attachment.queued ? 'Sending…' : 'Ready';
    default:
      return attachment.error ?? 'Upload failed.';
  }
}

/** One file in the composer's tray: thumbnail or type icon, name, a progress bar, cancel and retry. */
export function PendingAttachment({ attachment, onCancel, onRetry }: {
  attachment: Attachment;
  onCancel: (localId: string) => void;
  onRetry: (localId: string) => void;
}) {
  const { name, state } = attachment;
  const percent = attachment.size ? Math.round((attachment.sentBytes / attachment.size) * 100) : 0;
  return (
    <li
      className={`pending-attachment is-${state}`}
      data-testid="pending-attachment"
      data-state={state}
      data-queued={attachment.queued ? 'true' : 'false'}
      data-name={name}
    >
      {attachment.previewUrl ? (
        <img className="pending-thumb" src={attachment.previewUrl} alt="" />
      ) : (
        <FileTypeIcon contentType={attachment.contentType} />
      )}
      <span className="pending-text">
        <span className="pending-name">{name}</span>
        {state === 'uploading' && (
          <progress className="pending-progress" max={100} value={percent} aria-label={`Uploading ${name}`} data-testid="pending-progress" />
        )}
        <span
          className={state === 'failed' ? 'pending-state form-error' : 'pending-state muted'}
          role={state === 'failed' ? 'alert' : undefined}
          data-testid="pending-state"
        >
          {stateText(attachment)}
        </span>
      </span>
      {state === 'failed' && (
        <button type="button" className="icon-button" aria-label={`Retry ${name}`} onClick={() => onRetry(attachment.localId)} data-testid="pending-retry">
          <RetryIcon />
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${name}`}
        title={state === 'uploading' ? 'Cancel upload' : 'Remove'}
        onClick={() => onCancel(attachment.localId)}
        data-testid="pending-cancel"
      >
        <CloseIcon />
      </button>
    </li>
  );
}
