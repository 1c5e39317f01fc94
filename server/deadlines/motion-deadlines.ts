import { z } from "zod";
import { formatIsoDate, parseIsoDate } from "./civil-date";
import { ADMINISTRATIVE_OPPOSITION, EARLIEST_HEARING, OPPOSITION, REPLY, type RuleDeadline } from "./rules";
import { isoDate, parseOrThrow } from "./schemas";

/** What the tracker knows when a motion is logged. */
export const MotionDeadlinesRequest = z.object({
  kind: z.enum(["noticed", "administrative"], { error: 'kind must be "noticed" or "administrative"' }),
  dateFiled: isoDate("dateFiled"),
  eoClosures: z.boolean({ error: "eoClosures must be true or false" }).optional(),
  caHolidays: z.boolean({ error: "caHolidays must be true or false" }).optional(),
});

export type MotionDeadlinesRequest = z.input<typeof MotionDeadlinesRequest>;

export type MotionDeadlines = {
  kind: "noticed" | "administrative";
  dateFiled: string;
  opposition: RuleDeadline;
  /** Noticed motions only: L.R. 7-11 provides no reply to an administrative motion. */
  reply?: RuleDeadline;
  /** Noticed motions only: the floor for the hearing date, not a filing deadline. */
  earliestHearing?: RuleDeadline;
  /** Administrative motions only: the day the motion is deemed submitted unless the court orders otherwise. */
  deemedSubmitted?: string;
  notes: string[];
};

const ORDERS_WIN = "A standing order or case order that sets other dates overrides these rule defaults.";

/**
 * The default deadlines a motion sets running in N.D. Cal. The periods run from filing, so the way
 * the motion was served never changes them (FRCP 6(d) does not apply).
 */
export function deadlinesForMotion(input: MotionDeadlinesRequest): MotionDeadlines {
  const { kind, dateFiled, ...options } = parseOrThrow(MotionDeadlinesRequest, input);
  if (kind === "administrative") {
    const opposition = ADMINISTRATIVE_OPPOSITION.compute(dateFiled, options);
    // L.R. 7-11(c): submitted "the day after" the opposition is due — a plain calendar day.
    const deemedSubmitted = formatIsoDate(parseIsoDate(opposition.due)! + 1);
    return {
      kind,
      dateFiled,
      opposition,
      deemedSubmitted,
      notes: [
        `L.R. 7-11 provides no reply; unless the court orders otherwise the motion is deemed submitted without a hearing on ${deemedSubmitted}, the day after the opposition is due.`,
        ORDERS_WIN,
      ],
    };
  }
  const opposition = OPPOSITION.compute(dateFiled, options);
  // L.R. 7-3(c) counts from when the opposition was due, after its own roll — not when it was filed.
  const reply = REPLY.compute(opposition.due, options);
  const earliestHearing = EARLIEST_HEARING.compute(dateFiled, options);
  return {
    kind,
    dateFiled,
    opposition,
    reply,
    earliestHearing,
    notes: [`The hearing may be set on the judge's first available calendar day on or after ${earliestHearing.due}.`, ORDERS_WIN],
  };
}
