import { PhoneIncoming } from 'lucide-react';
import { useEffect } from 'react';
import { useChatController, useChatState } from '../store/ChatContext';
import type { CallManager, IncomingCall } from './callManager';
import { incomingCallText } from './callerName';

/** The ringing prompt: who calls (and in which group), with Accept and Decline. */
export function IncomingCallPrompt({ manager, incoming }: { manager: CallManager; incoming: IncomingCall }) {
  const controller = useChatController();
  const text = useChatState((s) => incomingCallText(s, incoming.conversationId, incoming.callerId, incoming.video));
  const namesKnown = useChatState((s) => Boolean(s.conversations[incoming.conversationId]?.members));

  // A call in a conversation whose members are not loaded yet (it may be brand new): load them for the name.
  useEffect(() => {
    if (!namesKnown) void controller.loader.loadDetails(incoming.conversationId);
  }, [controller, namesKnown, incoming.conversationId]);

  return (
    <div className="call-incoming" role="alertdialog" aria-label="Incoming call" aria-describedby="call-incoming-text" data-testid="call-incoming">
      <p id="call-incoming-text" className="call-incoming-text" data-testid="call-incoming-text">
        <PhoneIncoming size={20} aria-hidden="true" />
        {text}
      </p>
      <div className="call-controls">
        <button type="button" className="primary-button" data-testid="call-accept" onClick={() => void manager.accept()}>
          Accept
        </button>
        <button type="button" className="primary-button call-danger" data-testid="call-reject" onClick={() => void manager.reject()}>
          Decline
        </button>
      </div>
    </div>
  );
}
