import type { FileKind } from '../api/files';

/**
 * What a picked file probably is, from the browser's type (the server sniffs the bytes and has the
 * last word: a file it finds to be something else is refused or sent as a document).
 */
export function guessKind(contentType: string): FileKind {
  if (contentType.startsWith('image/') && contentType !== 'image/svg+xml') return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('audio/')) return 'audio';
  return 'document';
}

/** The browser leaves the type empty for extensions it does not know. */
export function contentTypeOf(file: File): string {
  return file.type || 'application/octet-stream';
}
