// Opening a conversation at a message far from the newest (a search hit) and paging from there.
import { getMessages } from '../api/conversations';
import { describeError } from '../api/errors';
import type { ControllerContext } from '../realtime/controllerContext';
import {
  extendNewer,
  extendOlder,
  isShown,
  openWindow,
  returnToLive,
  updateWindow,
  withFocus,
} from '../store/historyWindow';

const WINDOW_PAGE = 50;

export class HistoryWindows {
  private readonly ctx: ControllerContext;
  private focusToken = 0;
  /** The latest jump per conversation: an older answer that arrives late is dropped. */
  private readonly latestJump = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }

  /**
   * Shows the message at `seq` scrolled into view and marked: at once when it is on screen already,
   * else after loading the page around it (GET …/messages?aroundSeq=), as a window the list pages from.
   */
  async jumpTo(conversationId: string, seq: number): Promise<void> {
    const { store } = this.ctx;
    const token = ++this.focusToken;
    const focus = { seq, token };
    this.latestJump.set(conversationId, token);
    const known = store.conversation(conversationId);
    if (known && isShown(known, seq)) {
      store.updateConversation(conversationId, (c) => withFocus(c, focus));
      return;
    }
    if (!known) store.upsertConversation(conversationId, (c) => c);
    try {
      const page = await getMessages(conversationId, { aroundSeq: seq, limit: WINDOW_PAGE });
      if (this.ctx.isDisposed() || this.latestJump.get(conversationId) !== token) return;
      this.ctx.ingest(page.messages ?? [], 'history');
      store.upsertConversation(conversationId, (c) => openWindow(c, page, focus));
    } catch (error) {
      if (this.ctx.isDisposed() || this.latestJump.get(conversationId) !== token) return;
      store.updateConversation(conversationId, (c) => ({ ...c, historyError: describeError(error) }));
    }
  }

  /** The page before the window's oldest message. */
  async loadOlder(conversationId: string): Promise<void> {
    const window = this.ctx.store.conversation(conversationId)?.window;
    if (!window || window.loadingOlder || !window.hasOlder) return;
    const fromSeq = window.fromSeq;
    this.ctx.store.updateConversation(conversationId, (c) => updateWindow(c, { loadingOlder: true, error: null }));
    try {
      const page = await getMessages(conversationId, { beforeSeq: fromSeq, limit: WINDOW_PAGE });
      if (this.ctx.isDisposed()) return;
      this.ctx.ingest(page.messages ?? [], 'history');
      this.ctx.store.updateConversation(conversationId, (c) => (c.window?.fromSeq === fromSeq ? extendOlder(c, page) : c));
    } catch (error) {
      this.ctx.store.updateConversation(conversationId, (c) => updateWindow(c, { loadingOlder: false, error: describeError(error) }));
    }
  }

  /** The page after the window's newest message; reaching the live end closes the window. */
  async loadNewer(conversationId: string): Promise<void> {
    const window = this.ctx.store.conversation(conversationId)?.window;
    if (!window || window.loadingNewer || !window.hasNewer) return;
    const toSeq = window.toSeq;
    this.ctx.store.updateConversation(conversationId, (c) => updateWindow(c, { loadingNewer: true, error: null }));
    try {
      const page = await getMessages(conversationId, { afterSeq: toSeq, limit: WINDOW_PAGE });
      if (this.ctx.isDisposed()) return;
      this.ctx.ingest(page.messages ?? [], 'history');
      this.ctx.store.updateConversation(conversationId, (c) => (c.window?.toSeq === toSeq ? extendNewer(c, page) : c));
    } catch (error) {
      this.ctx.store.updateConversation(conversationId, (c) => updateWindow(c, { loadingNewer: false, error: describeError(error) }));
    }
  }

  /** Back to the newest messages (jump to latest, or an own send). */
  returnToLive(conversationId: string): void {
    this.latestJump.delete(conversationId);
    this.ctx.store.updateConversation(conversationId, returnToLive);
  }
}
