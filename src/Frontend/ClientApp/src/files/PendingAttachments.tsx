import { useChatController } from '../store/ChatContext';
import './files.css';
import { PendingAttachment } from './PendingAttachment';
import { usePendingAttachments } from './usePendingAttachments';

/** The tray above the composer: every file on its way, each with its own progress, cancel and retry. */
export function PendingAttachments({ conversationId }: { conversationId: string }) {
  const tray = useChatController().attachments;
  const attachments = usePendingAttachments(conversationId);
  if (attachments.length === 0) return null;
  return (
    <ul className="pending-attachments" aria-label="Files to send" data-testid="pending-attachments">
      {attachments.map((attachment) => (
        <PendingAttachment
          key={attachment.localId}
          attachment={attachment}
          onCancel={(id) => tray.cancel(id)}
          onRetry={(id) => tray.retry(id)}
        />
      ))}
    </ul>
  );
}
