import { useMemo } from 'react';
import { useChatState } from '../store/ChatContext';
import { sortedConversations } from '../store/selectors';
import { ConversationItem } from './ConversationItem';

export function ConversationList() {
  const conversations = useChatState((s) => s.conversations);
  const listStatus = useChatState((s) => s.listStatus);
  const listError = useChatState((s) => s.listError);
  const all = useMemo(() => sortedConversations(conversations), [conversations]);
  const sorted = useMemo(() => all.filter((c) => !c.messageRequest), [all]);
  const requests = useMemo(() => all.filter((c) => c.messageRequest), [all]);

  return (
    <nav className="conversation-nav" aria-label="Conversations">
      <h2 className="visually-hidden">Conversations</h2>
      {listStatus === 'loading' && sorted.length === 0 && <p className="muted pad">Loading conversations…</p>}
      {listStatus === 'error' && (
        <p className="form-error pad" role="alert">
          {listError ?? 'Could not load conversations.'}
        </p>
      )}
      {requests.length > 0 && (
        <section className="message-requests" aria-labelledby="message-requests-title" data-testid="message-requests">
          <h3 id="message-requests-title" className="message-requests-title">
            Message requests <span className="muted">({requests.length})</span>
          </h3>
          <ul className="conversation-list">
            {requests.map((conversation) => (
              <li key={conversation.id}>
                <ConversationItem conversation={conversation} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {listStatus === 'ready' && all.length === 0 && (
        <p className="muted pad">No conversations yet. Start one with a username above.</p>
      )}
      <ul className="conversation-list">
        {sorted.map((conversation) => (
          <li key={conversation.id}>
            <ConversationItem conversation={conversation} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
