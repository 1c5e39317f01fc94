/*
 * When a failed delivery is tried again: 30 s, then doubling (1 min, 2, 4 … ) up to 6 hours
 * between tries, and given up only once it has been failing for more than a day (and tried at
 * least 8 times), so a receiver that is down overnight still gets everything.
 */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_GAP_MS = 6 * 60 * 60 * 1000;
export const GIVE_UP_AFTER_MS = 25 * 60 * 60 * 1000;
export const MIN_ATTEMPTS_BEFORE_GIVING_UP = 8;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_GAP_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export function shouldGiveUp(attempts: number, firstQueuedAt: string, now: string): boolean {
  return attempts >= MIN_ATTEMPTS_BEFORE_GIVING_UP && new Date(now).getTime() - new Date(firstQueuedAt).getTime() >= GIVE_UP_AFTER_MS;
}
