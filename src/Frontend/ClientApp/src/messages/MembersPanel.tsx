import { useEffect } from 'react';
import { useChatState } from '../store/ChatContext';
import type { ConversationState } from '../store/types';
import { Avatar } from '../ui/Avatar';
import { CloseIcon } from '../ui/icons';

interface Props {
  id: string;
  conversation: ConversationState;
  onClose: () => void;
}

export function MembersPanel({ id, conversation, onClose }: Props) {
  const presence = useChatState((s) => s.presence);
  const myUserId = useChatState((s) => s.myUserId);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const members = conversation.members;
  return (
    <aside id={id} className="members-panel" aria-label="Members">
      <div className="members-header">
        <h2>Members{members ? ` (${members.length})` : ''}</h2>
        <button type="button" className="icon-button" aria-label="Close members" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {!members && <p className="muted pad">Loading members…</p>}
      {members && (
        <ul className="member-list">
          {members.map((member) => {
            const name = member.displayName || member.username || 'Unknown';
            const status = presence[member.userId]?.status;
            return (
              <li key={member.userId} className="member-item" data-testid="member-item" data-user-id={member.userId}>
                <Avatar name={name} seed={member.userId} presence={status} />
                <span className="member-text">
                  <span className="member-name">
                    {name}
                    {member.userId === myUserId && <span className="muted"> (you)</span>}
                  </span>
                  {member.username && <span className="muted member-username">@{member.username}</span>}
                </span>
                {member.role && member.role !== 'member' && <span className="role-tag">{member.role}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
