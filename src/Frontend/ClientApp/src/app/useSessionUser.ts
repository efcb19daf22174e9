import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/session';

/** The signed-in user's id, or null; follows sign-in, sign-out and other tabs. */
export function useSessionUser(): string | null {
  return useSyncExternalStore(subscribeSession, () => getSession()?.userId ?? null);
}
