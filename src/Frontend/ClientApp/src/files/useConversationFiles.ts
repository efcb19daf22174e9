import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { getConversationFiles, type ConversationFileItem, type FileKind } from '../api/files';

const PAGE = 30;

/** Pages of a conversation's files of some kinds, newest first; "Photos & videos" asks for two kinds and merges them. */
export function useConversationFiles(conversationId: string, kinds: readonly FileKind[]) {
  const [items, setItems] = useState<ConversationFileItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Per kind: undefined before the first page, a seq to page before, or null when there is no more. */
  const cursors = useRef<Partial<Record<FileKind, number | null>>>({});
  const generation = useRef(0);
  const [hasMore, setHasMore] = useState(true);
  const key = `${conversationId}|${kinds.join(',')}`;

  const loadMore = useCallback(async () => {
    const run = generation.current;
    const due = kinds.filter((kind) => cursors.current[kind] !== null);
    if (due.length === 0) return;
    setLoading(true);
    setError(null);
    try {
      const pages = await Promise.all(due.map((kind) => getConversationFiles(conversationId, kind, cursors.current[kind], PAGE)));
      if (run !== generation.current) return;
      due.forEach((kind, i) => (cursors.current[kind] = pages[i].nextBefore ?? null));
      setItems((known) => {
        const seen = new Set(known.map((item) => `${item.seq}|${item.file.fileId}`));
        const added = pages.flatMap((page) => page.items).filter((item) => !seen.has(`${item.seq}|${item.file.fileId}`));
        return [...known, ...added].sort((a, b) => b.seq - a.seq);
      });
      setHasMore(kinds.some((kind) => cursors.current[kind] !== null));
    } catch (err) {
      if (run === generation.current) setError(describeError(err));
    } finally {
      if (run === generation.current) setLoading(false);
    }
    // kinds is read through key: a new array with the same kinds is the same list.
  }, [key]);

  useEffect(() => {
    generation.current += 1;
    cursors.current = {};
    setItems([]);
    setHasMore(true);
    void loadMore();
  }, [loadMore]);

  return { items, loading, error, hasMore, loadMore };
}
