import type { FileInfo, FileKind } from '../api/files';

export type AttachmentState = 'uploading' | 'processing' | 'ready' | 'failed';

/** A file picked, dropped, pasted or recorded in a conversation, on its way to storage. */
export interface Attachment {
  localId: string;
  conversationId: string;
  body: Blob;
  name: string;
  size: number;
  contentType: string;
  /** The browser's guess until the server's sniffed kind is known. */
  kind: FileKind;
  /** A blob: URL of a picked image, for the tray's thumbnail. */
  previewUrl: string | null;
  sentBytes: number;
  state: AttachmentState;
  error: string | null;
  /** Set once POST /api/files answered: a cancel deletes it, a retry resumes it. */
  fileId: string | null;
  /** The completed file (with previews once processed). */
  info: FileInfo | null;
  /** A recorded voice note and its length as recorded. */
  voice: { durationMs: number } | null;
  /** The user pressed send: the attachment goes out as soon as it is ready. */
  queued: boolean;
}
