import { useEffect, useState } from 'react';
import { inviteCodeFromHash, navigateToConversation } from '../app/useHashConversation';
import { useChatController } from '../store/ChatContext';
import { CloseIcon } from '../ui/icons';

/** Opening an invite link (#/join/{code}) joins its conversation and opens it, or says why not. */
export function InviteJoiner() {
  const controller = useChatController();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const check = () => {
      const code = inviteCodeFromHash();
      if (!code) return;
      setError(null);
      controller.groups
        .join(code)
        .then((conversationId) => {
          if (!cancelled) navigateToConversation(conversationId);
        })
        .catch((failure: unknown) => {
          if (cancelled) return;
          setError(failure instanceof Error ? failure.message : String(failure));
          navigateToConversation(null);
        });
    };
    check();
    window.addEventListener('hashchange', check);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', check);
    };
  }, [controller]);

  if (!error) return null;
  return (
    <p className="form-error invite-error" role="alert" data-testid="invite-error">
      <span>Could not join: {error}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setError(null)}>
        <CloseIcon />
      </button>
    </p>
  );
}
