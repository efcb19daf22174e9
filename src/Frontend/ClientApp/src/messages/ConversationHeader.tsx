import { UserAvatar } from '../files/UserAvatar';
import { navigateToConversation } from '../app/useHashConversation';
import { useCallManager } from '../calls/CallContext';
import { useChatState } from '../store/ChatContext';
import { conversationTitle, directPeerId } from '../store/selectors';
import type { ConversationState } from '../store/types';
import { Avatar } from '../ui/Avatar';
import { formatLastSeen } from '../ui/format';
import { useNow } from '../ui/useNow';
import { BackIcon, MembersIcon, PhoneIcon, SearchIcon, VideoIcon } from '../ui/icons';

interface Props {
  conversation: ConversationState;
  titleId: string;
  membersOpen: boolean;
  membersPanelId: string;
  onToggleMembers: () => void;
  searchOpen: boolean;
  onToggleSearch: () => void;
}

const presenceText = { online: 'online', away: 'away', dnd: 'do not disturb' } as const;

export function ConversationHeader({ conversation, titleId, membersOpen, membersPanelId, onToggleMembers, searchOpen, onToggleSearch }: Props) {
  const state = useChatState((s) => s);
  const calls = useCallManager();
  const title = conversationTitle(state, conversation);
  const peer = directPeerId(state, conversation);
  const presence = peer ? state.presence[peer] : undefined;
  // "last seen 5 minutes ago" moves on by itself.
  const now = useNow(30_000, presence?.status === 'offline' && Boolean(presence.lastSeen));
  let subtitle = '';
  if (conversation.type === 'direct') {
    if (presence) subtitle = presence.status === 'offline' ? formatLastSeen(presence.lastSeen, now) : presenceText[presence.status];
  } else if (conversation.members) {
    const count = conversation.members.length;
    subtitle = `${conversation.type === 'channel' ? 'Channel' : 'Group'} · ${count} ${count === 1 ? 'member' : 'members'}`;
  } else {
    subtitle = conversation.type === 'channel' ? 'Channel' : 'Group';
  }

  return (
    <header className="pane-header">
      <button
        type="button"
        className="icon-button back-button"
        aria-label="Back to conversations"
        data-testid="back-button"
        onClick={() => navigateToConversation(null)}
      >
        <BackIcon />
      </button>
      {peer ? (
        <UserAvatar userId={peer} name={title} presence={presence?.status} />
      ) : (
        <Avatar name={title} seed={conversation.id} fileId={conversation.avatarFileId} />
      )}
      <div className="pane-title">
        <h1 id={titleId} data-testid="conversation-title">
          {title}
        </h1>
        {subtitle && (
          <p className="muted" data-testid="conversation-subtitle">
            {subtitle}
          </p>
        )}
      </div>
      {calls && conversation.type !== 'channel' && (
        <>
          <button
            type="button"
            className="icon-button"
            aria-label="Voice call"
            title="Voice call"
            data-testid="call-start"
            onClick={() => void calls.start(conversation.id, false)}
          >
            <PhoneIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Video call"
            title="Video call"
            data-testid="call-start-video"
            onClick={() => void calls.start(conversation.id, true)}
          >
            <VideoIcon />
          </button>
        </>
      )}
      <button
        type="button"
        className={`icon-button${searchOpen ? ' is-active' : ''}`}
        aria-label={searchOpen ? 'Close search in conversation' : 'Search in conversation'}
        aria-pressed={searchOpen}
        title="Search in conversation"
        data-testid="conversation-search-toggle"
        onClick={onToggleSearch}
      >
        <SearchIcon />
      </button>
      <button
        type="button"
        className={`icon-button${membersOpen ? ' is-active' : ''}`}
        aria-label={membersOpen ? 'Hide members' : 'Show members'}
        aria-expanded={membersOpen}
        aria-controls={membersPanelId}
        title="Members"
        data-testid="members-toggle"
        onClick={onToggleMembers}
      >
        <MembersIcon />
      </button>
    </header>
  );
}
