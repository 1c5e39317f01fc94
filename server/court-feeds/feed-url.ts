/**
 * Where a court's RSS feed is and how often it may be asked. CM/ECF district and bankruptcy
 * courts publish one public feed each, covering every case in the court, at
 * `https://ecf.<court id>.uscourts.gov/cgi-bin/rss_outside.pl` (the court id as in the
 * tracker: cand, nysd, nysb). A court whose feed lives elsewhere, or that filters it (some
 * courts list only some event types), gets its address set on the staff "Watched dockets" page.
 */

export function defaultFeedUrl(courtId: string): string {
  return `https://ecf.${courtId}.uscourts.gov/cgi-bin/rss_outside.pl`;
}

/** How often a court's feed is polled unless staff choose otherwise. */
export const DEFAULT_POLL_MINUTES = 15;

/**
 * Never faster than this. One request serves every watched case in the court, a busy court's
 * feed is a few hundred KB, and the courts publish no rate: we ask at most every 10 minutes.
 */
export const MIN_POLL_MINUTES = 10;

/** The interval in force: staff's choice, raised to the floor. */
export function pollMinutes(chosen: number | null | undefined): number {
  return Math.max(MIN_POLL_MINUTES, chosen ?? DEFAULT_POLL_MINUTES);
}

/** Only http(s) addresses are fetched. */
export function isFeedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
