// Tokens. The refresh token never reaches this code: the server keeps it in an HttpOnly cookie
// scoped to /api/auth/refresh and /api/auth/logout (asked for with the X-Refresh-Cookie header), and
// the access token lives only in this module's memory. A reload (or a new tab) gets its own access
// token with a cookie-carried refresh. localStorage holds only a hint, the signed-in user's id (no
// secret), so a signed-out page does not ask, and other tabs follow sign-in and sign-out.
// Refresh tokens rotate and replaying a spent one revokes the session, so refreshes are serialised
// across tabs with the Web Locks API (when available): each one presents the cookie the last one set.
import { readProblem, SessionEndedError } from './errors';
import { writeShared } from './sharedRecord';
import type { AuthResponse } from './types';

export interface Session {
  userId: string;
  accessToken: string;
  /** Epoch milliseconds at which the access token expires. */
  accessExpiresAt: number;
}

/** Asks the server to deliver the refresh token as an HttpOnly cookie instead of in the body. */
export const REFRESH_COOKIE_HEADER = 'X-Refresh-Cookie';
const HINT_KEY = 'chatgrid.signedIn';
/** Where earlier versions kept both tokens (localStorage, and a copy in IndexedDB); moved to the cookie once, then erased. */
const LEGACY_KEY = 'chatgrid.session';
const LEGACY_SHARED_KEY = 'session';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<Session> | null = null;
let restoring: Promise<void> | null = null;

function readHint(): string | null {
  try {
    return localStorage.getItem(HINT_KEY);
  } catch {
    return null;
  }
}

function writeHint(userId: string | null): void {
  try {
    if (userId) localStorage.setItem(HINT_KEY, userId);
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage disabled: this tab still works; other tabs just do not follow.
  }
}

/** The refresh token an earlier version left in localStorage, removed from there (and from IndexedDB) as it is read. */
function takeLegacyRefreshToken(): string | null {
  try {
    const raw = localStorage.getItem(LEGACY_KEY);
    if (raw === null) return null;
    localStorage.removeItem(LEGACY_KEY);
    void writeShared(LEGACY_SHARED_KEY, null);
    const parsed = JSON.parse(raw) as { refreshToken?: unknown };
    return typeof parsed.refreshToken === 'string' ? parsed.refreshToken : null;
  } catch {
    return null;
  }
}

/** Reads the `exp` claim (seconds) of a JWT without verifying it. */
export function jwtExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const payload = JSON.parse(atob(base64)) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

export function sessionFromAuth(auth: AuthResponse): Session {
  const fromJwt = jwtExpiry(auth.accessToken);
  const fromLifetime = Date.now() + Math.max(0, auth.expiresIn || 0) * 1000;
  return { userId: auth.userId, accessToken: auth.accessToken, accessExpiresAt: fromJwt ?? fromLifetime };
}

function emit(): void {
  for (const listener of listeners) listener(current);
}

function adopt(next: Session | null): void {
  const changedUser = current?.userId !== next?.userId;
  const changed = current?.accessToken !== next?.accessToken;
  current = next;
  writeHint(next?.userId ?? null);
  scheduleRefresh();
  if (changedUser) emit();
  else if (changed) emitTokenOnly();
}

const tokenListeners = new Set<() => void>();
function emitTokenOnly(): void {
  for (const listener of tokenListeners) listener();
}

export function getSession(): Session | null {
  return current;
}

/** True while the page is still finding out (with a cookie refresh) whether it is signed in. */
export function isRestoring(): boolean {
  return restoring !== null;
}

/** Called after a successful sign-in or sign-up (the refresh token is already in the cookie). */
export function setSession(auth: AuthResponse): Session {
  const session = sessionFromAuth(auth);
  adopt(session);
  emit();
  return session;
}

/** Forgets the access token in this tab; other tabs follow through the hint. */
export function clearSession(): void {
  adopt(null);
}

/** Notified when the signed-in user changes (sign-in, sign-out, session ended) and when restoring ends. */
export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Notified when tokens are rotated for the same user. */
export function subscribeTokens(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

function expiringSoon(session: Session, marginMs = REFRESH_MARGIN_MS): boolean {
  return session.accessExpiresAt > 0 && session.accessExpiresAt - Date.now() < marginMs;
}

/** A valid access token, refreshed first when it is about to expire. */
export async function getAccessToken(): Promise<string> {
  if (restoring) await restoring;
  const session = current;
  if (!session) throw new SessionEndedError();
  if (expiringSoon(session, 30_000)) {
    return (await refreshSession()).accessToken;
  }
  return session.accessToken;
}

/**
 * Obtains a fresh access token through the refresh cookie. Pass the access token that the server
 * rejected: if this tab already replaced it, the newer one is used without another refresh.
 */
export function refreshSession(rejectedAccessToken?: string, legacyRefreshToken?: string): Promise<Session> {
  if (!inFlight) {
    inFlight = withRefreshLock(() => doRefresh(rejectedAccessToken, legacyRefreshToken)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function doRefresh(rejectedAccessToken?: string, legacyRefreshToken?: string): Promise<Session> {
  if (current && rejectedAccessToken !== undefined && current.accessToken !== rejectedAccessToken && !expiringSoon(current, 5_000)) {
    return current;
  }

  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [REFRESH_COOKIE_HEADER]: '1' },
    body: JSON.stringify(legacyRefreshToken ? { refreshToken: legacyRefreshToken } : {}),
    credentials: 'same-origin',
  });
  if (response.ok) {
    const auth = (await response.json()) as AuthResponse;
    const session = sessionFromAuth(auth);
    adopt(session);
    return session;
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    // No cookie, or its refresh token is spent, revoked or unknown: the session is over.
    adopt(null);
    throw new SessionEndedError();
  }
  throw await readProblem(response);
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && typeof locks.request === 'function') {
    return locks.request('chatgrid-token-refresh', { mode: 'exclusive' }, work) as Promise<T>;
  }
  return work();
}

function scheduleRefresh(): void {
  if (refreshTimer !== null) {
    clearTimeout(refreshTimer);
    refreshTimer = null;
  }
  const session = current;
  if (!session || session.accessExpiresAt <= 0) return;
  // Jitter so several tabs do not all wake at the same instant (the lock would serialise them anyway).
  const delay = Math.max(5_000, session.accessExpiresAt - Date.now() - REFRESH_MARGIN_MS) + Math.random() * 10_000;
  // setTimeout overflows past ~24.8 days; re-arm instead.
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    if (!current) return;
    if (!expiringSoon(current)) {
      scheduleRefresh();
      return;
    }
    refreshSession().catch(() => {
      // Offline or server away: try again a little later; a SessionEndedError already signed out.
      if (current) {
        refreshTimer = setTimeout(() => scheduleRefresh(), 15_000);
      }
    });
  }, Math.min(delay, 2_000_000_000));
}

/** On page load: a signed-in hint (or tokens of an earlier version) means a cookie refresh is worth trying. */
function restore(): void {
  const legacy = takeLegacyRefreshToken();
  if (!legacy && !readHint()) return;
  restoring = refreshSession(undefined, legacy ?? undefined)
    .then(() => undefined, () => undefined)
    .finally(() => {
      restoring = null;
      emit();
    });
}

// Another tab signed in (maybe as someone else) or signed out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== HINT_KEY && event.key !== null) return;
    const hint = readHint();
    if (!hint) adopt(null);
    else if (hint !== current?.userId) void refreshSession().catch(() => undefined);
  });
  restore();
}
