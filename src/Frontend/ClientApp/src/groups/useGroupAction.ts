import { useCallback, useState } from 'react';

/** Runs one group action at a time and keeps the last failure's message for the panel to show. */
export function useGroupAction(): {
  busy: boolean;
  error: string | null;
  clearError: () => void;
  run: (work: () => Promise<void>) => Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError: useCallback(() => setError(null), []), run };
}
