// What choosing a search result does.
import type { PersonHit } from '../api/search';
import { navigateToConversation } from '../app/useHashConversation';
import type { ChatController } from '../realtime/chatController';

/** Opens the conversation scrolled to the message, marked for a moment (a window of history when it is far back). */
export function openMessage(controller: ChatController, conversationId: string, seq: number): void {
  navigateToConversation(conversationId);
  void controller.windows.jumpTo(conversationId, seq);
}

/** Opens the direct chat with this person, creating it when there is none yet. */
export async function openPerson(controller: ChatController, person: PersonHit): Promise<void> {
  const state = controller.store.getState();
  const existing = Object.values(state.conversations).find(
    (c) => c.type === 'direct' && !c.inaccessible && c.members?.some((m) => m.userId === person.userId) && c.members.length === 2,
  );
  if (existing) {
    navigateToConversation(existing.id);
    return;
  }
  navigateToConversation(await controller.createConversation('direct', '', [person.username]));
}
