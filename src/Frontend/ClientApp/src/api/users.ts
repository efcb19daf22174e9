import { apiFetch } from './http';
import type { UserProfile, UserSummary } from './types';

export function getMe(): Promise<UserProfile> {
  return apiFetch<UserProfile>('/api/users/me');
}

export function getUserByUsername(username: string): Promise<UserSummary> {
  return apiFetch<UserSummary>(`/api/users/by-username/${encodeURIComponent(username)}`);
}

/** The away message that answers direct messages while it is on (and before `until`). */
export interface AutoReply {
  enabled: boolean;
  message: string;
  until: string | null;
}

export function getAutoReply(): Promise<AutoReply> {
  return apiFetch<AutoReply>('/api/users/me/auto-reply');
}

export function setAutoReply(settings: AutoReply): Promise<AutoReply> {
  return apiFetch<AutoReply>('/api/users/me/auto-reply', { method: 'PUT', body: settings });
}

export interface PublicProfile extends UserSummary {
  bio?: string | null;
  statusText?: string | null;
  /** Null unless their profilePhoto privacy shows it to the caller. */
  avatarFileId: string | null;
}

export function getUserProfile(userId: string): Promise<PublicProfile> {
  return apiFetch<PublicProfile>(`/api/users/${encodeURIComponent(userId)}`);
}
