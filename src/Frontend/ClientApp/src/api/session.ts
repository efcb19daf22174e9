// Token storage and refresh. Tokens live in localStorage so a reload (or another tab) keeps the
// session. Refresh tokens rotate and replaying a spent one revokes the whole family, so refreshes
// are serialised across tabs with the Web Locks API (when available), and inside the lock the
// current pair is read from IndexedDB (consistent across tabs, unlike localStorage): a tab that
// finds a newer pair there adopts it instead of spending a refresh token another tab already spent.
import { readProblem, SessionEndedError } from './errors';
import { readShared, writeShared } from './sharedRecord';
import type { AuthResponse } from './types';

export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  accessExpiresAt: number;
}

const STORAGE_KEY = 'chatgrid.session';
const SHARED_KEY = 'session';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

type Listener = (session: Session | null) => void;

let current: Session | null = readStored();
const listeners = new Set<Listener>();
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<Session> | null = null;

function readStored(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || typeof parsed.userId !== 'string') {
      return null;
    }
    return {
      userId: parsed.userId,
      accessToken: parsed.accessToken,
      refreshToken: parsed.refreshToken,
      accessExpiresAt: typeof parsed.accessExpiresAt === 'number' ? parsed.accessExpiresAt : 0,
    };
  } catch {
    return null;
  }
}

/** The pair as another tab may just have committed it; localStorage when IndexedDB is unavailable. */
async function readAuthoritative(): Promise<Session | null> {
  const shared = await readShared<Session>(SHARED_KEY);
  if (shared === undefined) return readStored();
  if (shared === null) return readStored();
  const local = readStored();
  // A fresh sign-in in this or another tab writes localStorage first; prefer the newer user/session.
  if (local && local.userId !== shared.userId) return local;
  if (local && local.accessExpiresAt > shared.accessExpiresAt) return local;
  return shared;
}

function writeStored(session: Session | null): void {
  void writeShared(SHARED_KEY, session);
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be full or disabled; the in-memory session still works for this tab.
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
  return {
    userId: auth.userId,
    accessToken: auth.accessToken,
    refreshToken: auth.refreshToken,
    accessExpiresAt: fromJwt ?? fromLifetime,
  };
}

function emit(): void {
  for (const listener of listeners) listener(current);
}

function sameSession(a: Session | null, b: Session | null): boolean {
  return a?.accessToken === b?.accessToken && a?.refreshToken === b?.refreshToken;
}

function adopt(next: Session | null): void {
  const changedUser = current?.userId !== next?.userId;
  const changed = !sameSession(current, next);
  current = next;
  scheduleRefresh();
  if (changed && (changedUser || next === null)) emit();
  else if (changed) emitTokenOnly();
}

const tokenListeners = new Set<() => void>();
function emitTokenOnly(): void {
  for (const listener of tokenListeners) listener();
}

export function getSession(): Session | null {
  return current;
}

/** Called after a successful sign-in or sign-up. */
export function setSession(auth: AuthResponse): Session {
  const session = sessionFromAuth(auth);
  writeStored(session);
  current = session;
  scheduleRefresh();
  emit();
  return session;
}

/** Forgets the tokens in this tab and every other tab. */
export function clearSession(): void {
  writeStored(null);
  if (current !== null) {
    current = null;
    scheduleRefresh();
    emit();
  }
}

/** Notified when the signed-in user changes (sign-in, sign-out, session ended). */
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
  const session = current;
  if (!session) throw new SessionEndedError();
  if (expiringSoon(session, 30_000)) {
    return (await refreshSession()).accessToken;
  }
  return session.accessToken;
}

/**
 * Obtains a fresh token pair. Pass the access token that the server rejected: if another tab
 * already replaced it, the newer pair is adopted without spending a refresh token.
 */
export function refreshSession(rejectedAccessToken?: string): Promise<Session> {
  if (!inFlight) {
    inFlight = withRefreshLock(() => doRefresh(rejectedAccessToken)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function doRefresh(rejectedAccessToken?: string): Promise<Session> {
  const stored = await readAuthoritative();
  if (!stored) {
    adopt(null);
    throw new SessionEndedError();
  }
  if (current && stored.userId !== current.userId) {
    // Another tab signed in as someone else; this tab follows it.
    adopt(stored);
    return stored;
  }
  const newerThanRejected = rejectedAccessToken !== undefined && stored.accessToken !== rejectedAccessToken;
  const plainlyFresh = rejectedAccessToken === undefined && !expiringSoon(stored);
  if ((newerThanRejected && !expiringSoon(stored, 5_000)) || plainlyFresh) {
    adopt(stored);
    return stored;
  }

  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken: stored.refreshToken }),
  });
  if (response.ok) {
    const auth = (await response.json()) as AuthResponse;
    const session = sessionFromAuth({ ...auth, userId: auth.userId || stored.userId });
    writeStored(session);
    // Hold the lock until the pair is committed where the next tab in line will look.
    await writeShared(SHARED_KEY, session);
    adopt(session);
    return session;
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    // The refresh token is spent, revoked or unknown: the session is over.
    writeStored(null);
    await writeShared(SHARED_KEY, null);
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

// Another tab signed in, rotated the tokens or signed out.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    adopt(readStored());
  });
}

scheduleRefresh();
