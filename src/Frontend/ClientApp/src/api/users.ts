import { apiFetch } from './http';
import type { UserProfile, UserSummary } from './types';

export function getMe(): Promise<UserProfile> {
  return apiFetch<UserProfile>('/api/users/me');
}

export function getUserByUsername(username: string): Promise<UserSummary> {
  return apiFetch<UserSummary>(`/api/users/by-username/${encodeURIComponent(username)}`);
}
