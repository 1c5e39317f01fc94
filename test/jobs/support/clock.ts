import type { Clock } from "../../../server/shared/clock";

/** A clock the test moves by hand: the runner's "now" without waiting. */
export function movableClock(start: string) {
  let current = new Date(start).getTime();
  const clock: Clock & { advance: (ms: number) => void; set: (iso: string) => void } = {
    now: () => new Date(current).toISOString(),
    today: (timeZone = "America/Los_Angeles") =>
      new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(current)),
    advance: (ms) => {
      current += ms;
    },
    set: (iso) => {
      current = new Date(iso).getTime();
    },
  };
  return clock;
}
