import { useEffect } from 'react';
import type { PresenceStatus } from '../api/types';
import { useChatController, useChatState } from '../store/ChatContext';
import { Avatar } from '../ui/Avatar';

/** A person's avatar: their profile photo when they show it to this user, else their initials. */
export function UserAvatar({ userId, name, presence }: { userId: string; name: string; presence?: PresenceStatus | null }) {
  const controller = useChatController();
  const fileId = useChatState((s) => s.users[userId]?.avatarFileId);
  useEffect(() => {
    if (fileId === undefined) controller.avatars.want(userId);
  }, [controller, userId, fileId]);
  return <Avatar name={name} seed={userId} presence={presence} fileId={fileId} />;
}
