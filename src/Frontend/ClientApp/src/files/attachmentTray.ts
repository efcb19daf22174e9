// The files waiting in each conversation's composer. Uploads start as soon as a file is added (so
// the progress shows at once); pressing send queues them, and each goes into the outbox as a
// message once it is uploaded, checked and (briefly) processed. Uploads live in memory only: a
// reload drops an upload in progress (the server removes its file after 24 h); only messages whose
// files are complete reach the outbox, which is kept across reloads as for text.
import { ApiError, describeError } from '../api/errors';
import { deleteFile, type FileInfo } from '../api/files';
import type { SendOptions } from '../messages/outboxSender';
import { newId } from '../messages/newId';
import type { Attachment } from './attachment';
import { contentTypeOf, guessKind } from './fileKinds';
import { draftMessages, type MediaDraft } from './mediaDrafts';
import { uploadFile } from './uploadFile';
import { UploadAbortedError } from './xhrPut';

/** How long a completed file waits for its FileProcessed before it is sent without previews. */
export const PROCESSING_WAIT_MS = 5_000;

export type TrayState = Readonly<Record<string, readonly Attachment[]>>;

interface SendRequest {
  conversationId: string;
  localIds: string[];
  caption: string;
  options: SendOptions;
}

export class AttachmentTray {
  private state: TrayState = {};
  private readonly listeners = new Set<() => void>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly waits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly requests: SendRequest[] = [];
  /** FileProcessed events that came before "complete" answered. */
  private readonly processedEarly = new Map<string, FileInfo>();
  private readonly send: (conversationId: string, drafts: MediaDraft[], options: SendOptions) => void;

  constructor(send: (conversationId: string, drafts: MediaDraft[], options: SendOptions) => void) {
    this.send = send;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): TrayState => this.state;

  /** Adds files to a conversation's tray and starts uploading them; returns their local ids. */
  add(conversationId: string, files: readonly Blob[], voice: { durationMs: number } | null = null): string[] {
    const added = files.map((body, index): Attachment => {
      const named = body as Partial<File>;
      const contentType = body.type || (named.name ? contentTypeOf(body as File) : 'application/octet-stream');
      const kind = guessKind(contentType);
      return {
        localId: newId(),
        conversationId,
        body,
        name: named.name || (voice ? `Voice note.webm` : `Pasted image ${index + 1}.${contentType.split('/')[1] ?? 'png'}`),
        size: body.size,
        contentType,
        kind,
        previewUrl: kind === 'image' ? URL.createObjectURL(body) : null,
        sentBytes: 0,
        state: 'uploading',
        error: null,
        fileId: null,
        info: null,
        voice,
        queued: false,
      };
    });
    this.set(conversationId, [...(this.state[conversationId] ?? []), ...added]);
    for (const attachment of added) void this.upload(attachment.localId);
    return added.map((a) => a.localId);
  }

  /** Sends the tray's files (with the caption on the first message) as soon as each is ready. */
  sendAll(conversationId: string, caption: string, options: SendOptions): boolean {
    const ids = (this.state[conversationId] ?? []).filter((a) => !a.queued).map((a) => a.localId);
    if (ids.length === 0) return false;
    this.requestSend(conversationId, ids, caption, options);
    return true;
  }

  requestSend(conversationId: string, localIds: string[], caption: string, options: SendOptions): void {
    this.requests.push({ conversationId, localIds, caption, options });
    this.patchMany(conversationId, localIds, { queued: true });
    this.sendReady(conversationId);
  }

  /** Stops the upload and deletes the file (its quota reservation is released), and forgets it. */
  cancel(localId: string): void {
    const attachment = this.find(localId);
    if (!attachment) return;
    this.aborts.get(localId)?.abort();
    this.clearWait(localId);
    if (attachment.fileId) void deleteFile(attachment.fileId).catch(() => undefined);
    this.remove(attachment);
    this.sendReady(attachment.conversationId);
  }

  retry(localId: string): void {
    const attachment = this.find(localId);
    if (!attachment || attachment.state !== 'failed') return;
    this.patch(localId, { state: 'uploading', error: null, sentBytes: 0 });
    void this.upload(localId);
  }

  /** A FileProcessed event: the file's previews are made (or failed); it may go out now. */
  fileProcessed(info: FileInfo): void {
    const attachment = this.all().find((a) => a.fileId === info.fileId);
    if (!attachment || attachment.state === 'uploading') {
      this.processedEarly.set(info.fileId, info);
      return;
    }
    if (attachment.state !== 'processing') return;
    this.ready(attachment.localId, info);
  }

  dispose(): void {
    for (const controller of this.aborts.values()) controller.abort();
    for (const timer of this.waits.values()) clearTimeout(timer);
    for (const attachment of this.all()) if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    this.state = {};
  }

  private async upload(localId: string): Promise<void> {
    const attachment = this.find(localId);
    if (!attachment) return;
    const controller = new AbortController();
    this.aborts.set(localId, controller);
    try {
      const info = await uploadFile(attachment.body, {
        name: attachment.name,
        contentType: attachment.contentType,
        purpose: 'message',
        signal: controller.signal,
        resumeFileId: attachment.fileId,
        onCreated: (fileId) => this.patch(localId, { fileId }),
        onProgress: (sentBytes) => this.patch(localId, { sentBytes }),
      });
      if (controller.signal.aborted || !this.find(localId)) return;
      const early = this.processedEarly.get(info.fileId);
      this.processedEarly.delete(info.fileId);
      if (early || info.status === 'ready') {
        this.ready(localId, early ?? info);
        return;
      }
      this.patch(localId, { state: 'processing', info, kind: info.kind, sentBytes: attachment.size });
      this.waits.set(localId, setTimeout(() => this.ready(localId, info), PROCESSING_WAIT_MS));
    } catch (error) {
      if (error instanceof UploadAbortedError || controller.signal.aborted) return;
      // A refused file (wrong type, too large, over quota) is gone on the server: a retry starts afresh.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      this.patch(localId, { state: 'failed', error: describeError(error), ...(refused ? { fileId: null } : {}) });
    } finally {
      if (this.aborts.get(localId) === controller) this.aborts.delete(localId);
    }
  }

  private ready(localId: string, info: FileInfo): void {
    this.clearWait(localId);
    const attachment = this.find(localId);
    if (!attachment) return;
    this.patch(localId, { state: 'ready', info, kind: info.kind, sentBytes: attachment.size });
    this.sendReady(attachment.conversationId);
  }

  /** Sends every queued request whose files are all ready, in the order they were made. */
  private sendReady(conversationId: string): void {
    for (let i = 0; i < this.requests.length; i += 1) {
      const request = this.requests[i];
      if (request.conversationId !== conversationId) continue;
      const attachments = request.localIds.map((id) => this.find(id)).filter((a): a is Attachment => a !== undefined);
      if (attachments.some((a) => a.state !== 'ready')) return;
      this.requests.splice(i, 1);
      i -= 1;
      const files = attachments.map((a) => ({ info: a.info as FileInfo, voiceDurationMs: a.voice?.durationMs ?? null }));
      if (files.length) this.send(conversationId, draftMessages(files, request.caption), request.options);
      for (const attachment of attachments) this.remove(attachment);
    }
  }

  private clearWait(localId: string): void {
    const timer = this.waits.get(localId);
    if (timer !== undefined) clearTimeout(timer);
    this.waits.delete(localId);
  }

  private all(): Attachment[] {
    return Object.values(this.state).flat();
  }

  private find(localId: string): Attachment | undefined {
    return this.all().find((a) => a.localId === localId);
  }

  private remove(attachment: Attachment): void {
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    this.set(attachment.conversationId, (this.state[attachment.conversationId] ?? []).filter((a) => a.localId !== attachment.localId));
  }

  private patch(localId: string, change: Partial<Attachment>): void {
    const attachment = this.find(localId);
    if (attachment) this.patchMany(attachment.conversationId, [localId], change);
  }

  private patchMany(conversationId: string, localIds: readonly string[], change: Partial<Attachment>): void {
    const list = this.state[conversationId] ?? [];
    this.set(conversationId, list.map((a) => (localIds.includes(a.localId) ? { ...a, ...change } : a)));
  }

  private set(conversationId: string, list: readonly Attachment[]): void {
    const next = { ...this.state };
    if (list.length) next[conversationId] = list;
    else delete next[conversationId];
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
