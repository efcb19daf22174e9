import { apiFetch } from './http';
import { getSession } from './session';
import type { AuthResponse } from './types';

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  displayName?: string;
}

export interface LoginInput {
  login: string;
  password: string;
  totpCode?: string;
}

export function register(input: RegisterInput): Promise<AuthResponse> {
  return apiFetch<AuthResponse>('/api/auth/register', { method: 'POST', body: input, auth: false });
}

export function login(input: LoginInput): Promise<AuthResponse> {
  return apiFetch<AuthResponse>('/api/auth/login', { method: 'POST', body: input, auth: false });
}

/** Revokes the refresh token on the server; failures are ignored (the tokens are dropped anyway). */
export async function logoutOnServer(): Promise<void> {
  const session = getSession();
  if (!session) return;
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken }, auth: false });
  } catch {
    // Offline or already revoked: nothing more to do.
  }
}
