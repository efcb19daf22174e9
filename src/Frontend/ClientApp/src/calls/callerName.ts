import type { ChatState } from '../store/types';
import { conversationTitle, displayNameOf } from '../store/selectors';

/** "Alice is calling you (video)", or for a group call "Alice is calling Team (voice)". */
export function incomingCallText(state: ChatState, conversationId: string, callerId: string, video: boolean): string {
  const conversation = state.conversations[conversationId];
  const caller = displayNameOf(state, callerId, conversation?.members);
  const kind = video ? 'video' : 'voice';
  if (!conversation || conversation.type === 'direct') return `${caller} is calling you (${kind})`;
  return `${caller} is calling ${conversationTitle(state, conversation)} (${kind})`;
}

/** m:ss, or h:mm:ss from an hour on. */
export function formatCallDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}
