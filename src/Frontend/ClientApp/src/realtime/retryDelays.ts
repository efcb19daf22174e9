/** Reconnect delays in ms: immediately, then backing off to every 10 s, forever. */
export const RECONNECT_DELAYS_MS = [0, 1000, 2000, 5000, 10000];

export function reconnectDelay(previousRetryCount: number): number {
  return RECONNECT_DELAYS_MS[Math.min(previousRetryCount, RECONNECT_DELAYS_MS.length - 1)];
}

/** Resolves after `ms`, or early when `wake` is called (e.g. the browser comes back online). */
export function sleep(ms: number, signal: { wake?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.wake = undefined;
      resolve();
    }
    signal.wake = done;
  });
}
