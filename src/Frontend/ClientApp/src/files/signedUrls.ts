// Presigned GET URLs by file and variant. The access token lives in memory, so <img src="/api/files/…">
// could not authenticate: the page asks the API for a short-lived storage URL instead and reuses it
// until shortly before it expires (one request per file and variant, shared by every element).
import { getSignedUrl, type FileVariant } from '../api/files';

/** Ask again this long before a URL expires, so an element never starts loading a dead one. */
const REFRESH_BEFORE_MS = 30_000;

interface Entry {
  url: Promise<string>;
  expiresAt: number;
}

const cache = new Map<string, Entry>();

/** A storage URL for the file (or its preview); rejects with the API's error (404 when there is none). */
export function signedUrl(fileId: string, variant: FileVariant): Promise<string> {
  const key = `${fileId}|${variant}`;
  const known = cache.get(key);
  if (known && known.expiresAt - REFRESH_BEFORE_MS > Date.now()) return known.url;
  const entry: Entry = { url: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
  entry.url = getSignedUrl(fileId, variant).then(
    (answer) => {
      const expiresAt = Date.parse(answer.expiresAt);
      entry.expiresAt = Number.isFinite(expiresAt) ? expiresAt : Date.now() + 60_000;
      return answer.url;
    },
    (error: unknown) => {
      // A failure is not cached: the next element asks again.
      cache.delete(key);
      throw error;
    },
  );
  cache.set(key, entry);
  return entry.url;
}

/** When the cached URL for this file and variant should be asked for again (ms from now), or null if none is cached. */
export function signedUrlRefreshInMs(fileId: string, variant: FileVariant): number | null {
  const known = cache.get(`${fileId}|${variant}`);
  if (!known || !Number.isFinite(known.expiresAt)) return null;
  return Math.max(1_000, known.expiresAt - REFRESH_BEFORE_MS - Date.now());
}

/** Starts a browser download of the file (Content-Disposition: attachment from storage). */
export async function downloadFile(fileId: string, name: string): Promise<void> {
  const url = await signedUrl(fileId, 'download');
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
