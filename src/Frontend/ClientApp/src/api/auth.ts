import { apiFetch } from './http';
import { getSession, REFRESH_COOKIE_HEADER } from './session';
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

/** The refresh token comes back as an HttpOnly cookie, never in the body (see session.ts). */
const cookieDelivery = { [REFRESH_COOKIE_HEADER]: '1' };

export function register(input: RegisterInput): Promise<AuthResponse> {
  return apiFetch<AuthResponse>('/api/auth/register', { method: 'POST', body: input, auth: false, headers: cookieDelivery });
}

export function login(input: LoginInput): Promise<AuthResponse> {
  return apiFetch<AuthResponse>('/api/auth/login', { method: 'POST', body: input, auth: false, headers: cookieDelivery });
}

/** Revokes the session on the server and clears the refresh cookie; failures are ignored (the access token is dropped anyway). */
export async function logoutOnServer(): Promise<void> {
  if (!getSession()) return;
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST', body: {}, auth: false });
  } catch {
    // Offline or already revoked: nothing more to do.
  }
}
