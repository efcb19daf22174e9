import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ConversationMember, UserSummary } from '../../api/types';
import { findTrigger } from './findTrigger';
import type { Suggestion } from './Suggestion';
import { suggestionsFor } from './suggestionsFor';

interface Options {
  text: string;
  input: RefObject<HTMLTextAreaElement | null>;
  members: readonly ConversationMember[] | null;
  users: Record<string, UserSummary>;
  myUserId: string;
  /** Replaces the composer's text (the trigger swapped for the choice). */
  onChange: (text: string) => void;
}

/**
 * The composer's suggestions: `@` + letters offers the conversation's members, `:` + two letters emoji
 * by shortcode. ↑/↓ move, Enter or Tab choose, Escape closes until the next trigger; the mouse works too.
 */
export function useAutocomplete({ text, input, members, users, myUserId, onChange }: Options) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const trigger = useMemo(() => findTrigger(text, Math.min(caret, text.length)), [text, caret]);
  const suggestions: Suggestion[] = useMemo(
    () => (trigger && trigger.start !== dismissed ? suggestionsFor(trigger, members, users, myUserId) : []),
    [trigger, dismissed, members, users, myUserId],
  );
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  // Each new query starts at the top of its list; a trigger that went away may be dismissed again later.
  const triggerKey = trigger ? `${trigger.kind}:${trigger.start}:${trigger.query}` : '';
  useLayoutEffect(() => setActive(0), [triggerKey]);
  useLayoutEffect(() => {
    if (!trigger) setDismissed(null);
  }, [trigger]);

  // After an insertion, put the caret right after what was inserted.
  useLayoutEffect(() => {
    const el = input.current;
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      setCaret(pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [text, input]);

  function choose(index: number) {
    const chosen = suggestions[index];
    if (!trigger || !chosen) return;
    const end = trigger.start + 1 + trigger.query.length;
    const next = text.slice(0, trigger.start) + chosen.insert + text.slice(end);
    pendingCaret.current = trigger.start + chosen.insert.length;
    onChange(next);
    input.current?.focus();
  }

  /** Call first from the textarea's keydown; true when the key was the suggestion list's. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      choose(activeIndex);
    } else if (event.key === 'Escape') {
      setDismissed(trigger?.start ?? null);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return {
    open,
    suggestions,
    activeIndex,
    listId,
    optionId,
    kind: trigger?.kind ?? null,
    choose,
    onKeyDown,
    /** Call from the textarea's onSelect (fires on typing and caret moves). */
    onCaretMove: () => setCaret(input.current?.selectionStart ?? 0),
    /** Attributes for the textarea, tying it to the list for screen readers. */
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(activeIndex) : undefined,
    },
  };
}
