import { useEffect, useState } from 'react';
import type { FileVariant } from '../api/files';
import { signedUrl, signedUrlRefreshInMs } from './signedUrls';

const RETRY_MS = 2_000;

/**
 * The storage URL of a file or preview for an element's src, or null while it loads (or when it
 * fails: `failed` says so). Asks for a fresh one before it expires, so a long-open page keeps working
 * (players keep theirs: a seek after five minutes may then fail, and a reload plays again).
 */
export function useSignedUrl(
  fileId: string | null | undefined,
  variant: FileVariant,
  /** False for a player: a new src would restart what is playing. */
  keepFresh = true,
  /** Ask again this many times (2 s apart) after a failure: a preview still being made answers 404 at first. */
  retries = 0,
): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; url: string | null; failed: boolean }>({ key: '', url: null, failed: false });
  const key = fileId ? `${fileId}|${variant}` : '';
  useEffect(() => {
    if (!fileId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let left = retries;
    const load = () => {
      signedUrl(fileId, variant).then(
        (url) => {
          if (!live) return;
          setState((s) => (s.key === key && s.url === url ? s : { key, url, failed: false }));
          const again = signedUrlRefreshInMs(fileId, variant);
          if (again !== null && keepFresh) timer = setTimeout(load, again);
        },
        () => {
          if (!live) return;
          if (left-- > 0) timer = setTimeout(load, RETRY_MS);
          else setState({ key, url: null, failed: true });
        },
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [fileId, variant, key, keepFresh, retries]);
  return state.key === key ? { url: state.url, failed: state.failed } : { url: null, failed: false };
}
