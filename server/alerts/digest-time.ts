import { Cron } from "croner";

/** The daily digest goes out at 07:00 in the court's time zone (N.D. Cal.), with the day's events. */
export const DIGEST_CRON = "0 7 * * *";
export const DIGEST_TIME_ZONE = "America/Los_Angeles";

/** The first digest time after an instant (ISO). */
export function nextDigestAt(afterIso: string): string {
  const next = new Cron(DIGEST_CRON, { timezone: DIGEST_TIME_ZONE, paused: true }).nextRun(new Date(afterIso));
  return (next ?? new Date(afterIso)).toISOString();
}
