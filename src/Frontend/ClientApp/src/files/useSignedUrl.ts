import { useEffect, useState } from 'react';
import type { FileVariant } from '../api/files';
import { signedUrl, signedUrlRefreshInMs } from './signedUrls';

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
): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ key: string; url: string | null; failed: boolean }>({ key: '', url: null, failed: false });
  const key = fileId ? `${fileId}|${variant}` : '';
  useEffect(() => {
    if (!fileId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      signedUrl(fileId, variant).then(
        (url) => {
          if (!live) return;
          setState((s) => (s.key === key && s.url === url ? s : { key, url, failed: false }));
          const again = signedUrlRefreshInMs(fileId, variant);
          if (again !== null && keepFresh) timer = setTimeout(load, again);
        },
        () => live && setState({ key, url: null, failed: true }),
      );
    };
    load();
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [fileId, variant, key, keepFresh]);
  return state.key === key ? { url: state.url, failed: state.failed } : { url: null, failed: false };
}
