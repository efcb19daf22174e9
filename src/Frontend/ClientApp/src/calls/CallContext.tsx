import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CallManager, CallViewState } from './callManager';

export const CallContext = createContext<CallManager | null>(null);

export function useCallManager(): CallManager | null {
  return useContext(CallContext);
}

/** The call state (the whole snapshot; it changes rarely). */
export function useCallState(manager: CallManager): CallViewState {
  return useSyncExternalStore(manager.subscribe, manager.getState);
}
