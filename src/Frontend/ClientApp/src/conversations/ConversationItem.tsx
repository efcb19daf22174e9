import { UserAvatar } from '../files/UserAvatar';
import { conversationHref } from '../app/useHashConversation';
import { useChatState } from '../store/ChatContext';
import { conversationTitle, directPeerId, previewOf, typingText } from '../store/selectors';
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
  // Typing entries leave the store when they expire, which re-renders the row.
  const typing = typingText(state, conversation, Date.now());

  return (
    <a
      className={`conversation-item${isOpen ? ' is-open' : ''}${unread > 0 ? ' has-unread' : ''}`}
      href={conversationHref(conversation.id)}
      aria-current={isOpen ? 'page' : undefined}
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
    >
      {peer ? (
        <UserAvatar userId={peer} name={title} presence={presence} />
      ) : (
        <Avatar name={title} seed={conversation.id} fileId={conversation.avatarFileId} />
      )}
      <span className="conversation-text">
        <span className="conversation-top">
          <span className="conversation-title">
            {title}
            {conversation.type !== 'direct' && <span className="conversation-kind"> · {conversation.type}</span>}
          </span>
          {conversation.lastActivity > 0 && (
            <time
              className="conversation-time"
              dateTime={new Date(conversation.lastActivity).toISOString()}
              data-testid="conversation-time"
            >
              {formatListTime(conversation.lastActivity)}
            </time>
          )}
        </span>
        <span className="conversation-bottom">
          <span className="conversation-preview" data-testid="conversation-preview">
            {typing ? (
              <em className="conversation-typing" data-testid="conversation-typing">
                {typing}
              </em>
            ) : preview ? (
              <>
                {preview.sender && <span className="muted">{preview.sender}: </span>}
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
