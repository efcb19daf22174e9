import { useCallback, useEffect, useState } from 'react';
import { logoutOnServer } from '../api/auth';
import { clearSession } from '../api/session';
import { ConversationSidebar } from '../conversations/ConversationSidebar';
import { clearOutbox } from '../messages/outboxStorage';
import { ConversationPane } from '../messages/ConversationPane';
import { ChatController } from '../realtime/chatController';
import { ConnectionBanner } from '../realtime/ConnectionBanner';
import { CallContext } from '../calls/CallContext';
import { CallManager } from '../calls/callManager';
import { CallView } from '../calls/CallView';
import { InviteJoiner } from '../groups/InviteJoiner';
import { ChatContext, useChatState } from '../store/ChatContext';
import { useDocumentTitle } from './useDocumentTitle';
import { useHashConversation } from './useHashConversation';
import './layout.css';

/** The signed-in app: one ChatController for the lifetime of this user's session. */
export function ChatShell({ userId }: { userId: string }) {
  const [controller, setController] = useState<ChatController | null>(null);
  const [calls, setCalls] = useState<CallManager | null>(null);

  useEffect(() => {
    const instance = new ChatController(userId);
    const callManager = new CallManager(instance.hub, userId);
    instance.start();
    void callManager.resume();
    setController(instance);
    setCalls(callManager);
    return () => {
      callManager.dispose();
      void instance.dispose();
    };
  }, [userId]);

  useHashConversation(controller);

  const logout = useCallback(async () => {
    if (controller) await controller.dispose();
    await logoutOnServer();
    clearOutbox(userId);
    if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
    clearSession();
  }, [controller, userId]);

  if (!controller || !calls) {
    return (
      <main className="loading-screen" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }

  return (
    <ChatContext.Provider value={controller}>
      <CallContext.Provider value={calls}>
        <ChatLayout onLogout={logout} />
        <CallView manager={calls} />
      </CallContext.Provider>
    </ChatContext.Provider>
  );
}

function ChatLayout({ onLogout }: { onLogout: () => void }) {
  const openId = useChatState((s) => s.openConversationId);
  useDocumentTitle();
  return (
    <div className="shell" data-view={openId ? 'conversation' : 'list'}>
      <ConnectionBanner />
      <InviteJoiner />
      <div className="shell-panes">
        <ConversationSidebar onLogout={onLogout} />
        <ConversationPane />
      </div>
    </div>
  );
}
