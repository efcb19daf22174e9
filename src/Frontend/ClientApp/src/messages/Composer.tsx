import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useChatController } from '../store/ChatContext';
import { SendIcon } from '../ui/icons';
import { getDraft, setDraft } from './drafts';

const MAX_CHARS = 16_000;

/** Enter sends, Shift+Enter starts a new line. Works offline: messages wait in the outbox. */
export function Composer({ conversationId }: { conversationId: string }) {
  const controller = useChatController();
  const id = useId();
  const [text, setText] = useState(() => getDraft(conversationId));
  const input = useRef<HTMLTextAreaElement>(null);

  // Switching conversation: keep each one's draft, and stop "typing" in the one we left.
  useEffect(() => {
    setText(getDraft(conversationId));
    // Focus for keyboard and mouse users; on touch screens it would pop the keyboard up uninvited.
    if (window.matchMedia?.('(pointer: fine)').matches) input.current?.focus({ preventScroll: true });
    return () => controller.stoppedTyping(conversationId);
  }, [controller, conversationId]);

  // Grow with the text up to a few lines.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
  }, [text]);

  function update(value: string) {
    setText(value);
    setDraft(conversationId, value);
    if (value.trim()) controller.typed(conversationId);
    else controller.stoppedTyping(conversationId);
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim() || text.length > MAX_CHARS) return;
    controller.sendMessage(conversationId, text);
    setText('');
    setDraft(conversationId, '');
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      update('');
    }
  }

  const tooLong = text.length > MAX_CHARS;
  return (
    <form className="composer" onSubmit={send}>
      <label htmlFor={id} className="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        ref={input}
        rows={1}
        placeholder="Write a message"
        value={text}
        aria-invalid={tooLong || undefined}
        onChange={(e) => update(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => controller.stoppedTyping(conversationId)}
        data-testid="composer-input"
      />
      <button
        type="submit"
        className="send-button"
        aria-label="Send message"
        title="Send (Enter)"
        disabled={!text.trim() || tooLong}
        data-testid="composer-send"
      >
        <SendIcon />
      </button>
      {tooLong && (
        <p className="form-error composer-error" role="alert">
          Messages can be at most {MAX_CHARS.toLocaleString()} characters.
        </p>
      )}
    </form>
  );
}
