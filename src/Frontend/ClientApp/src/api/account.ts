// Account settings over HTTP: profile, privacy, two-factor, sessions and blocks (docs/protocol.md).
import { apiFetch } from './http';

export interface OwnProfile {
  userId: string;
  username: string;
  displayName: string;
  bio: string | null;
  statusText: string | null;
  avatarFileId: string | null;
}

export interface ProfileChange {
  displayName?: string;
  bio?: string;
  statusText?: string;
  /** A completed avatar-purpose image of the user's, or null to remove the photo. */
  avatarFileId?: string | null;
}

export type Audience = 'everyone' | 'contacts' | 'nobody';

export interface Privacy {
  lastSeen: Audience;
  profilePhoto: Audience;
  readReceipts: Audience;
  /** Who may add this user to groups and channels. */
  groupAdds: Audience;
  /** Who may find this user in people search by their exact email address. */
  findByEmail: Audience;
  /** Who may find this user in people search by their exact verified phone number. */
  findByPhone: Audience;
}

export interface TwoFactorSetup {
  secret: string;
  provisioningUri: string;
}

export interface SessionRow {
  sessionId: string;
  deviceName: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

export interface BlockedUser {
  userId: string;
  username: string;
  displayName: string;
}

export const getOwnProfile = () => apiFetch<OwnProfile>('/api/users/me/profile');

export const updateProfile = (change: ProfileChange) =>
  apiFetch<OwnProfile>('/api/users/me/profile', { method: 'PATCH', body: change });

export const getPrivacy = () => apiFetch<Privacy>('/api/users/me/privacy');

export const setPrivacy = (privacy: Privacy) => apiFetch<Privacy>('/api/users/me/privacy', { method: 'PUT', body: privacy });

export const getTwoFactorStatus = () => apiFetch<{ enabled: boolean }>('/api/auth/2fa');

export const beginTwoFactorSetup = () => apiFetch<TwoFactorSetup>('/api/auth/2fa/setup', { method: 'POST', body: {} });

export const confirmTwoFactor = (code: string) =>
  apiFetch<{ recoveryCodes: string[] }>('/api/auth/2fa/confirm', { method: 'POST', body: { code } });

export const disableTwoFactor = (password: string, code: string) =>
  apiFetch<void>('/api/auth/2fa/disable', { method: 'POST', body: { password, code } });

export const listSessions = () => apiFetch<SessionRow[]>('/api/auth/sessions');

export const revokeSession = (sessionId: string) =>
  apiFetch<void>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });

export const listBlocks = () => apiFetch<BlockedUser[]>('/api/users/me/blocks');

export const unblockUser = (userId: string) =>
  apiFetch<void>(`/api/users/me/blocks/${encodeURIComponent(userId)}`, { method: 'DELETE' });
