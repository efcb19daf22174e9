import { useEffect, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { AttachButton } from '../files/AttachButton';
import { PendingAttachments } from '../files/PendingAttachments';
import { usePendingAttachments } from '../files/usePendingAttachments';
import { VoiceRecorder } from '../files/VoiceRecorder';
import type { Recording } from '../files/useVoiceRecorder';
import { useChatController, useChatState } from '../store/ChatContext';
import { CloseIcon, EditIcon, ReplyIcon, ScheduleIcon, SendIcon } from '../ui/icons';
import { fromLocalInput, toLocalInput } from '../ui/localDateTime';
import { SuggestionList } from './autocomplete/SuggestionList';
import { useAutocomplete } from './autocomplete/useAutocomplete';
import type { ComposeTarget } from './composeTarget';
import { TIMER_OPTIONS } from './disappearing';
import { getDraft, setDraft } from './drafts';

const MAX_CHARS = 16_000;

interface Props {
  conversationId: string;
  /** A message being answered or edited, or null for a plain new message. */
  target?: ComposeTarget | null;
  onTargetDone?: () => void;
}

/**
 * Enter sends, Shift+Enter starts a new line. Works offline: messages wait in the outbox.
 * With a reply target the message is sent as a reply; with an edit target Enter saves the edit
 * (online only) and Escape cancels it, bringing the draft back.
 */
export function Composer({ conversationId, target = null, onTargetDone }: Props) {
  const controller = useChatController();
  const id = useId();
  const [text, setText] = useState(() => getDraft(conversationId));
  const [editError, setEditError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Disappearing-message timer in seconds (0 = off), for messages sent while it is set. */
  const [timer, setTimer] = useState(0);
  /** "Send later": the message is scheduled for `sendAt` (a datetime-local value) instead of sent. */
  const [later, setLater] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const [laterError, setLaterError] = useState<string | null>(null);
  const laterInput = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const editing = target?.kind === 'edit';
  const members = useChatState((s) => s.conversations[conversationId]?.members ?? null);
  const users = useChatState((s) => s.users);
  const myUserId = useChatState((s) => s.myUserId);
  const suggest = useAutocomplete({ text, input, members, users, myUserId, onChange: update });
  const attachments = usePendingAttachments(conversationId);
  const unsentFiles = attachments.filter((a) => !a.queued).length;
  const [recording, setRecording] = useState(false);

  // Switching conversation: keep each one's draft, and stop "typing" in the one we left.
  useEffect(() => {
    setText(getDraft(conversationId));
    // A timer belongs to the conversation it was set in; it never follows the user into another.
    setTimer(0);
    setLater(false);
    setLaterError(null);
    // Focus for keyboard and mouse users; on touch screens it would pop the keyboard up uninvited.
    if (window.matchMedia?.('(pointer: fine)').matches) input.current?.focus({ preventScroll: true });
    return () => controller.stoppedTyping(conversationId);
  }, [controller, conversationId]);

  // Starting a reply or an edit puts the caret in the composer; an edit starts from the message's text.
  useEffect(() => {
    setEditError(null);
    if (!target) return;
    if (target.kind === 'edit') setText(target.text);
    else setText(getDraft(conversationId));
    input.current?.focus();
  }, [target, conversationId]);

  // Grow with the text up to a few lines.
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
  }, [text]);

  function update(value: string) {
    setText(value);
    if (editing) return;
    setDraft(conversationId, value);
    if (value.trim()) controller.typed(conversationId);
    else controller.stoppedTyping(conversationId);
  }

  function finishTarget() {
    const wasEditing = editing;
    onTargetDone?.();
    setEditError(null);
    if (wasEditing) setText(getDraft(conversationId));
    input.current?.focus();
  }

  async function saveEdit(edit: ComposeTarget) {
    const content = text.replace(/\s+$/u, '');
    if (!content.trim() || content === edit.text) {
      finishTarget();
      return;
    }
    setSaving(true);
    try {
      await controller.messageActions.edit(conversationId, edit.seq, content);
      finishTarget();
    } catch (error) {
      setEditError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  function toggleLater() {
    setLaterError(null);
    if (later) {
      setLater(false);
      input.current?.focus();
      return;
    }
    // An hour from now, to the minute, as a starting point.
    setSendAt(toLocalInput(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000));
    setLater(true);
    requestAnimationFrame(() => laterInput.current?.focus());
  }

  async function scheduleLater(content: string) {
    const at = fromLocalInput(sendAt);
    if (!at) {
      setLaterError('Choose when to send it.');
      laterInput.current?.focus();
      return;
    }
    setSaving(true);
    setLaterError(null);
    try {
      await controller.scheduled.schedule(conversationId, content, at, {
        replyToSeq: target?.kind === 'reply' ? target.seq : undefined,
        expiresInSeconds: timer || undefined,
      });
      controller.stoppedTyping(conversationId);
      setText('');
      setDraft(conversationId, '');
      setLater(false);
      if (target) onTargetDone?.();
      input.current?.focus();
    } catch (error) {
      setLaterError(`Not scheduled: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  }

  function addFiles(files: File[]) {
    controller.attachments.add(conversationId, files);
  }

  /** Pasted images (a screenshot, a copied picture) are attached; pasted text stays text. */
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const images = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0 || editing) return;
    event.preventDefault();
    addFiles(images);
  }

  function sendVoice(recording: Recording) {
    const tray = controller.attachments;
    const ids = tray.add(conversationId, [recording.file], { durationMs: recording.durationMs });
    tray.requestSend(conversationId, ids, '', { expiresInSeconds: timer || undefined });
  }

  /** The tray's files go out as soon as each is uploaded; the text becomes the first one's caption. */
  function sendFiles() {
    if (later) {
      setLaterError('Files cannot be scheduled: turn off "Send later" to send them now.');
      return;
    }
    controller.attachments.sendAll(conversationId, text.replace(/\s+$/u, ''), {
      replyToSeq: target?.kind === 'reply' ? target.seq : undefined,
      expiresInSeconds: timer || undefined,
    });
    setText('');
    setDraft(conversationId, '');
    if (target) onTargetDone?.();
    input.current?.focus();
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (text.length > MAX_CHARS || saving) return;
    if (target?.kind === 'edit') {
      if (text.trim()) void saveEdit(target);
      return;
    }
    if (unsentFiles > 0) {
      sendFiles();
      return;
    }
    if (!text.trim()) return;
    if (later) {
      void scheduleLater(text.replace(/\s+$/u, ''));
      return;
    }
    controller.sendMessage(conversationId, text, {
      replyToSeq: target?.kind === 'reply' ? target.seq : undefined,
      expiresInSeconds: timer || undefined,
    });
    setText('');
    setDraft(conversationId, '');
    if (target) onTargetDone?.();
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggest.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && later) {
      event.preventDefault();
      toggleLater();
    } else if (event.key === 'Escape' && target) {
      event.preventDefault();
      finishTarget();
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      update('');
    }
  }

  const tooLong = text.length > MAX_CHARS;
  const contextId = `${id}-context`;
  return (
    <form className="composer" onSubmit={send}>
      {!editing && <PendingAttachments conversationId={conversationId} />}
      {suggest.open && (
        <SuggestionList
          id={suggest.listId}
          optionId={suggest.optionId}
          kind={suggest.kind}
          suggestions={suggest.suggestions}
          activeIndex={suggest.activeIndex}
          onChoose={suggest.choose}
        />
      )}
      {target && (
        <div className="composer-context" id={contextId} data-testid={editing ? 'composer-edit' : 'composer-reply'}>
          <span className="composer-context-icon" aria-hidden="true">
            {editing ? <EditIcon /> : <ReplyIcon />}
          </span>
          <span className="composer-context-text">
            <span className="composer-context-title">{editing ? 'Editing your message' : `Replying to ${target.senderName}`}</span>
            <span className="composer-context-quote">{target.text}</span>
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={editing ? 'Cancel editing' : 'Cancel reply'}
            title="Cancel (Esc)"
            onClick={finishTarget}
            data-testid="composer-cancel-target"
          >
            <CloseIcon />
          </button>
        </div>
      )}
      {later && !editing && (
        <div className="composer-later" data-testid="composer-later">
          <label htmlFor={`${id}-send-at`}>Send at</label>
          <input
            id={`${id}-send-at`}
            ref={laterInput}
            type="datetime-local"
            step={1}
            value={sendAt}
            onChange={(e) => setSendAt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                toggleLater();
              }
            }}
            data-testid="composer-send-at"
          />
        </div>
      )}
      {!editing && (
        <>
          <label htmlFor={`${id}-timer`} className="visually-hidden">
            Disappearing messages
          </label>
          <select
            id={`${id}-timer`}
            className={`composer-timer${timer ? ' is-on' : ''}`}
            value={timer}
            title="Disappearing messages: new messages are deleted for everyone after this time"
            onChange={(e) => setTimer(Number(e.target.value))}
            data-testid="composer-timer"
          >
            {TIMER_OPTIONS.map((option) => (
              <option key={option.seconds} value={option.seconds}>
                {option.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button composer-later-button"
            aria-pressed={later}
            aria-label="Send later"
            title="Send later"
            onClick={toggleLater}
            data-testid="composer-later-toggle"
          >
            <ScheduleIcon />
          </button>
          <AttachButton onFiles={addFiles} />
        </>
      )}
      <label htmlFor={id} className="visually-hidden">
        {editing ? 'Edit message' : target ? 'Reply' : 'Message'}
      </label>
      <textarea
        id={id}
        ref={input}
        rows={1}
        placeholder={editing ? 'Edit your message' : 'Write a message'}
        value={text}
        aria-invalid={tooLong || undefined}
        aria-describedby={target ? contextId : undefined}
        onChange={(e) => {
          update(e.target.value);
          suggest.onCaretMove();
        }}
        onSelect={suggest.onCaretMove}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        {...suggest.inputProps}
        onBlur={() => controller.stoppedTyping(conversationId)}
        data-testid="composer-input"
      />
      {!editing && (recording || (!text.trim() && unsentFiles === 0)) && (
        <VoiceRecorder onRecorded={sendVoice} onRecordingChange={setRecording} />
      )}
      {!recording && (
        <button
          type="submit"
          className="send-button"
          aria-label={editing ? 'Save edit' : later ? 'Schedule message' : 'Send message'}
          title={editing ? 'Save (Enter)' : later ? 'Schedule (Enter)' : 'Send (Enter)'}
          disabled={(!text.trim() && (editing || unsentFiles === 0)) || tooLong || saving}
          data-testid="composer-send"
        >
          <SendIcon />
        </button>
      )}
      {tooLong && (
        <p className="form-error composer-error" role="alert">
          Messages can be at most {MAX_CHARS.toLocaleString()} characters.
        </p>
      )}
      {laterError && !editing && (
        <p className="form-error composer-error" role="alert" data-testid="composer-later-error">
          {laterError}
        </p>
      )}
      {editError && (
        <p className="form-error composer-error" role="alert" data-testid="composer-edit-error">
          {editError}
        </p>
      )}
    </form>
  );
}
