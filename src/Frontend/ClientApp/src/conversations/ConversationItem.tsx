import { conversationHref } from '../app/useHashConversation';
import { useChatState } from '../store/ChatContext';
import { conversationTitle, directPeerId, previewOf } from '../store/selectors';
import type { ConversationState } from '../store/types';
import { Avatar } from '../ui/Avatar';
import { formatListTime } from '../ui/format';

export function ConversationItem({ conversation }: { conversation: ConversationState }) {
  const state = useChatState((s) => s);
  const title = conversationTitle(state, conversation);
  const preview = previewOf(state, conversation);
  const peer = directPeerId(state, conversation);
  const presence = peer ? state.presence[peer]?.status : null;
  const isOpen = state.openConversationId === conversation.id;
  const unread = conversation.unread;
  const typingCount = Object.keys(conversation.typing).length;

  return (
    <a
      className={`conversation-item${isOpen ? ' is-open' : ''}${unread > 0 ? ' has-unread' : ''}`}
      href={conversationHref(conversation.id)}
      aria-current={isOpen ? 'page' : undefined}
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
    >
      <Avatar name={title} seed={peer ?? conversation.id} presence={presence} />
      <span className="conversation-text">
        <span className="conversation-top">
          <span className="conversation-title">
            {title}
            {conversation.type !== 'direct' && <span className="conversation-kind"> · {conversation.type}</span>}
          </span>
          <span className="conversation-time">{formatListTime(conversation.lastActivity)}</span>
        </span>
        <span className="conversation-bottom">
          <span className="conversation-preview">
            {typingCount > 0 ? (
              <em>typing…</em>
            ) : preview ? (
              <>
                {preview.mine && <span className="muted">You: </span>}
                {preview.text}
              </>
            ) : (
              <span className="muted">{conversation.lastSeq > 0 ? ' ' : 'No messages yet'}</span>
            )}
          </span>
          {unread > 0 && (
            <>
              <span className="unread-badge" data-testid="unread-badge" data-count={unread} aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
              <span className="visually-hidden">{unread === 1 ? '1 unread message' : `${unread} unread messages`}</span>
            </>
          )}
        </span>
      </span>
    </a>
  );
}
