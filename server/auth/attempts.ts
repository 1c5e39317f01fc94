/**
 * Counts failures per key (a client address) in fixed windows, for limits that only refusals
 * should spend: a script with a valid token never notices it, but an address that sends bad
 * tokens is refused before its next token is even looked up, so guessing gets nowhere. Kept in
 * memory: a restart forgets, which costs an attacker nothing they did not have.
 */
export function createFailureLimiter(options: { max: number; windowMs: number; now: () => number }) {
  const windows = new Map<string, { count: number; resetAt: number }>();

  function current(key: string) {
    const at = options.now();
    const window = windows.get(key);
    if (window && window.resetAt > at) return window;
    windows.delete(key);
    return undefined;
  }

  return {
    /** Seconds until `key` may try again, or 0 when it may now. */
    blockedFor(key: string): number {
      const window = current(key);
      return window && window.count >= options.max ? Math.ceil((window.resetAt - options.now()) / 1000) : 0;
    },
    fail(key: string): void {
      const window = current(key);
      if (window) window.count += 1;
      else {
        // Forget addresses whose windows ended, so the map cannot grow without end.
        if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= options.now()) windows.delete(k);
        windows.set(key, { count: 1, resetAt: options.now() + options.windowMs });
      }
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
