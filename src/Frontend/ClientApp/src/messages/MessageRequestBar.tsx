import { useState } from 'react';
import { answerMessageRequest, type MessageRequestAnswer } from '../api/conversations';
import { describeError } from '../api/errors';
import { navigateToConversation } from '../app/useHashConversation';
import { useChatController, useChatState } from '../store/ChatContext';
import { conversationTitle } from '../store/selectors';
import type { ConversationState } from '../store/types';
import { FormError } from '../ui/FormError';

/**
 * Above the composer while a direct chat is a message request: until accepted (or answered by
 * writing back) the sender gets no read receipts, presence or contacts-only details. Ignore hides
 * it (a newer message brings it back); Block blocks the sender too.
 */
export function MessageRequestBar({ conversation }: { conversation: ConversationState }) {
  const controller = useChatController();
  const title = useChatState((s) => conversationTitle(s, conversation));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function answer(choice: MessageRequestAnswer) {
    setBusy(true);
    setError(null);
    try {
      await answerMessageRequest(conversation.id, choice);
      if (choice === 'accept') {
        controller.store.updateConversation(conversation.id, (c) => ({ ...c, messageRequest: false }));
      } else {
        controller.store.updateConversation(conversation.id, (c) => ({ ...c, inaccessible: true, unread: 0 }));
        navigateToConversation(null);
      }
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="message-request-bar" aria-label="Message request" data-testid="message-request-bar">
      <p>
        <strong>{title}</strong> wants to message you. They will not know you have read this until you accept or reply.
      </p>
      <div className="message-request-actions">
        <button type="button" className="primary-button" disabled={busy} onClick={() => void answer('accept')} data-testid="request-accept">
          Accept
        </button>
        <button type="button" className="secondary-button" disabled={busy} onClick={() => void answer('ignore')} data-testid="request-ignore">
          Ignore
        </button>
        <button type="button" className="secondary-button is-danger-text" disabled={busy} onClick={() => void answer('block')} data-testid="request-block">
          Block
        </button>
      </div>
      <FormError message={error} testId="request-error" />
    </section>
  );
}
