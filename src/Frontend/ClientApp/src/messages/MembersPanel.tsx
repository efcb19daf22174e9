import { UserAvatar } from '../files/UserAvatar';
import { useEffect, useState } from 'react';
import { AvatarPicker } from '../files/AvatarPicker';
import { ConversationFiles } from '../files/ConversationFiles';
import { navigateToConversation } from '../app/useHashConversation';
import { AddMembersForm } from '../groups/AddMembersForm';
import '../groups/groups.css';
import { GroupNameEditor } from '../groups/GroupNameEditor';
import { InviteLinkSection } from '../groups/InviteLinkSection';
import { LeaveGroupButton } from '../groups/LeaveGroupButton';
import { MemberControls } from '../groups/MemberControls';
import { assignableRoles, canManageMembers, canRemove, roleOf } from '../groups/permissions';
import { useGroupAction } from '../groups/useGroupAction';
import { useChatController, useChatState } from '../store/ChatContext';
import { conversationTitle } from '../store/selectors';
import type { ConversationState } from '../store/types';
import { FormError } from '../ui/FormError';
import { CloseIcon } from '../ui/icons';

interface Props {
  id: string;
  conversation: ConversationState;
  onClose: () => void;
}

/** The members of the open conversation; in groups and channels also what the caller's role may manage. */
export function MembersPanel({ id, conversation, onClose }: Props) {
  const controller = useChatController();
  const presence = useChatState((s) => s.presence);
  const myUserId = useChatState((s) => s.myUserId);
  const title = useChatState((s) => conversationTitle(s, conversation));
  const { busy, error, run } = useGroupAction();
  const groups = controller.groups;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog above the panel (leave, delete) takes its own Escape.
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const members = conversation.members;
  const managed = conversation.type !== 'direct';
  const myRole = roleOf(members, myUserId);
  const canManage = canManageMembers(conversation.type, myRole);
  const kind = conversation.type === 'channel' ? 'channel' : 'group';
  const [view, setView] = useState<'members' | 'files'>('members');
  return (
    <aside id={id} className="members-panel" aria-label="Members" data-testid="members-panel">
      <div className="members-header">
        <h2>{view === 'files' ? 'Files' : `Members${members ? ` (${members.length})` : ''}`}</h2>
        <button type="button" className="icon-button" aria-label="Close members" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="panel-tabs" role="group" aria-label="Show">
        <button
          type="button"
          className={`panel-tab${view === 'members' ? ' is-active' : ''}`}
          aria-pressed={view === 'members'}
          onClick={() => setView('members')}
          data-testid="panel-members"
        >
          Members
        </button>
        <button
          type="button"
          className={`panel-tab${view === 'files' ? ' is-active' : ''}`}
          aria-pressed={view === 'files'}
          onClick={() => setView('files')}
          data-testid="panel-files"
        >
          Files
        </button>
      </div>
      {view === 'files' && <ConversationFiles conversationId={conversation.id} />}
      {view === 'members' && (
        <>
          <FormError message={error} testId="group-error" />
          {managed && canManage && (
            <AvatarPicker
              label="Group photo"
              name={title}
              seed={conversation.id}
              fileId={conversation.avatarFileId}
              onChange={(fileId) => groups.setAvatar(conversation.id, fileId)}
              disabled={busy}
              testId="group-avatar"
            />
          )}
          {managed && (
            <GroupNameEditor
              name={title}
              canRename={canManage}
              busy={busy}
              onRename={(name) => run(() => groups.rename(conversation.id, name))}
            />
          )}
          {managed && canManage && (
            <AddMembersForm busy={busy} onAdd={(usernames) => run(() => groups.addByUsername(conversation.id, usernames))} />
          )}
          {!members && <p className="muted pad">Loading members…</p>}
          {members && (
            <ul className="member-list">
              {members.map((member) => {
                const name = member.displayName || member.username || 'Unknown';
                const status = presence[member.userId]?.status;
                const isMe = member.userId === myUserId;
                const roles = isMe ? [] : assignableRoles(conversation.type, myRole, member.role);
                return (
                  <li key={member.userId} className="member-item" data-testid="member-item" data-user-id={member.userId} data-role={member.role}>
                    <UserAvatar userId={member.userId} name={name} presence={status} />
                    <span className="member-text">
                      <span className="member-name">
                        {name}
                        {isMe && <span className="muted"> (you)</span>}
                      </span>
                      {member.username && <span className="muted member-username">@{member.username}</span>}
                    </span>
                    <MemberControls
                      name={name}
                      role={member.role}
                      roles={roles}
                      canRemove={!isMe && canRemove(conversation.type, myRole, member.role)}
                      busy={busy}
                      onRole={(role) => void run(() => groups.setRole(conversation.id, member.userId, role))}
                      onRemove={() => void run(() => groups.remove(conversation.id, member.userId))}
                    />
                  </li>
                );
              })}
            </ul>
          )}
          {managed && canManage && (
            <InviteLinkSection
              busy={busy}
              onCreate={async () => {
                let link = null;
                await run(async () => {
                  link = await groups.createInvite(conversation.id);
                });
                return link;
              }}
              onRevoke={(code) => run(() => groups.revokeInvite(conversation.id, code))}
            />
          )}
          {managed && members && myRole && (
            <LeaveGroupButton
              name={title}
              kind={kind}
              busy={busy}
              onLeave={() =>
                void run(async () => {
                  await groups.leave(conversation.id);
                  navigateToConversation(null);
                })
              }
            />
          )}
        </>
      )}
    </aside>
  );
}
