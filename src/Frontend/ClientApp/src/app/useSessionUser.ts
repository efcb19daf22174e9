import { useSyncExternalStore } from 'react';
import { getSession, isRestoring, subscribeSession } from '../api/session';

/** The signed-in user's id, or null; follows sign-in, sign-out and other tabs. */
export function useSessionUser(): string | null {
  return useSyncExternalStore(subscribeSession, () => getSession()?.userId ?? null);
}

/** True while a reload is signing back in through the refresh cookie. */
export function useSessionRestoring(): boolean {
  return useSyncExternalStore(subscribeSession, isRestoring);
}
