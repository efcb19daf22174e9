import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { navigateToConversation } from '../app/useHashConversation';
import { useChatController, useChatState } from '../store/ChatContext';
import { indexOfSeq } from '../store/messageList';
import { previewText } from '../store/messagePreview';
import { canPost, displayNameOf } from '../store/selectors';
import { CloseIcon } from '../ui/icons';
import type { ComposeTarget } from './composeTarget';
import type { MessageAction } from './messageAction';
import { FileDropZone } from '../files/FileDropZone';
import { Composer } from './Composer';
import { ScheduledMessages } from './ScheduledMessages';
import { ConversationHeader } from './ConversationHeader';
import { MembersPanel } from './MembersPanel';
import { MessageRequestBar } from './MessageRequestBar';
import { MessageList } from './MessageList';
import { TypingIndicator } from './TypingIndicator';
import { ConversationSearch } from '../search/ConversationSearch';
import './messages.css';

/** The right pane: the open conversation, or a hint when none is open. */
export function ConversationPane() {
  const controller = useChatController();
  const openId = useChatState((s) => s.openConversationId);
  const conversation = useChatState((s) => (s.openConversationId ? s.conversations[s.openConversationId] : undefined));
  const listStatus = useChatState((s) => s.listStatus);
  const postAllowed = useChatState((s) => (conversation ? canPost(s, conversation) : true));
  const [membersOpen, setMembersOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const membersId = useId();

  // A conversation opened from the address before the list arrived: load it once it is known.
  const known = Boolean(conversation);
  const historyLoaded = conversation?.historyLoaded ?? false;
  const hasMembers = Boolean(conversation?.members);
  useEffect(() => {
    if (!openId || !known) return;
    if (!historyLoaded) void controller.loadOlder(openId);
    if (!hasMembers) void controller.loader.loadDetails(openId);
  }, [controller, openId, known, historyLoaded, hasMembers]);

  useEffect(() => {
    setMembersOpen(false);
    setSearchOpen(false);
  }, [openId]);

  // Reply / edit state of the composer, and the last failed action, belong to the open conversation.
  const [target, setTarget] = useState<ComposeTarget | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    setTarget(null);
    setActionError(null);
  }, [openId]);
  const latest = useRef(conversation);
  useEffect(() => {
    latest.current = conversation;
  });
  const onAction = useCallback(
    (action: MessageAction) => {
      const current = latest.current;
      if (!current) return;
      setActionError(null);
      if (action.kind === 'reply' || action.kind === 'edit') {
        const index = indexOfSeq(current.messages, action.seq);
        if (index < 0) return;
        const message = current.messages[index];
        const state = controller.store.getState();
        const senderName = message.senderId === state.myUserId ? 'yourself' : displayNameOf(state, message.senderId, current.members);
        // A reply to a photo or a file quotes it as the list does; an edit starts from the text itself.
        const text = action.kind === 'reply' && message.type !== 'text' ? previewText(message) : message.content;
        setTarget({ kind: action.kind, seq: message.seq, senderName, text });
        return;
      }
      if (action.kind === 'delete') setTarget((t) => (t?.seq === action.seq ? null : t));
      const work =
        action.kind === 'react'
          ? controller.messageActions.react(current.id, action.seq, action.emoji)
          : controller.messageActions.delete(current.id, action.seq, action.forEveryone);
      work.catch((error: unknown) => setActionError(error instanceof Error ? error.message : String(error)));
    },
    [controller],
  );

  if (!openId) {
    return (
      <main className="pane pane-empty" aria-label="Conversation">
        <div className="empty-state">
          <h1>Chat Grid</h1>
          <p className="muted">Pick a conversation, or start a new one by username.</p>
        </div>
      </main>
    );
  }

  if (!conversation || conversation.inaccessible) {
    const missing = listStatus === 'ready' || conversation?.inaccessible;
    return (
      <main className="pane pane-empty" aria-label="Conversation">
        <div className="empty-state">
          <p className="muted">{missing ? 'This conversation is not available.' : 'Loading conversation…'}</p>
          <button type="button" className="secondary-button" onClick={() => navigateToConversation(null)}>
            Back to conversations
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="pane" aria-labelledby={`${membersId}-title`}>
      <ConversationHeader
        conversation={conversation}
        titleId={`${membersId}-title`}
        membersOpen={membersOpen}
        membersPanelId={membersId}
        onToggleMembers={() => setMembersOpen((open) => !open)}
        searchOpen={searchOpen}
        onToggleSearch={() => setSearchOpen((open) => !open)}
      />
      {searchOpen && (
        <ConversationSearch
          conversationId={conversation.id}
          onClose={() => {
            setSearchOpen(false);
            // Focus goes back to the button that opened the bar.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="conversation-search-toggle"]')?.focus());
          }}
        />
      )}
      <div className="pane-body">
        <FileDropZone onFiles={(files) => controller.attachments.add(conversation.id, files)} disabled={!postAllowed}>
          <MessageList conversation={conversation} onAction={onAction} />
          <TypingIndicator conversation={conversation} />
          {actionError && (
            <p className="form-error action-error" role="alert" data-testid="action-error">
              <span>{actionError}</span>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setActionError(null)}>
                <CloseIcon />
              </button>
            </p>
          )}
          {conversation.messageRequest && <MessageRequestBar conversation={conversation} />}
          {postAllowed ? (
            <>
              <ScheduledMessages conversationId={conversation.id} />
              <Composer conversationId={conversation.id} target={target} onTargetDone={() => setTarget(null)} />
            </>
          ) : (
            <p className="composer-readonly muted">Only admins can post in this channel.</p>
          )}
        </FileDropZone>
        {membersOpen && (
          <MembersPanel id={membersId} conversation={conversation} onClose={() => setMembersOpen(false)} />
        )}
      </div>
    </main>
  );
}
