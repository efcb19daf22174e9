import { useChatState } from '../store/ChatContext';
import { displayNameOf } from '../store/selectors';
import type { ConversationState } from '../store/types';

/** "Alice is typing…"; entries expire in the store 6 s after the last Typing event. */
export function TypingIndicator({ conversation }: { conversation: ConversationState }) {
  const state = useChatState((s) => s);
  const now = Date.now();
  const names = Object.entries(conversation.typing)
    .filter(([userId, expiresAt]) => expiresAt > now && userId !== state.myUserId)
    .map(([userId]) => displayNameOf(state, userId, conversation.members));

  let text = '';
  if (names.length === 1) text = `${names[0]} is typing…`;
  else if (names.length === 2) text = `${names[0]} and ${names[1]} are typing…`;
  else if (names.length > 2) text = 'Several people are typing…';

  return (
    <div className="typing-region" aria-live="polite">
      {text && (
        <p className="typing-indicator" data-testid="typing-indicator">
          <span className="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </p>
      )}
    </div>
  );
}
