import { PRECISION_RANK, type DatePrecision } from "../../db/schema";

// One table for JavaScript and SQL: the list indexes of orders and events are built on its SQL form (precisionRank).
export { PRECISION_RANK };

/** A record's date as stored: the earliest possible day, and how precisely it is known. */
export type SortableDate = { date: string | null; precision: DatePrecision | null };

/**
 * Orders records by the earliest day each could fall on, then by how precisely the date is
 * known (an exact day before "November 2025"), with unknown dates last. Callers break the
 * remaining ties by id so the order never changes between renders.
 */
export function compareFuzzyDates(a: SortableDate, b: SortableDate): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return PRECISION_RANK[a.precision ?? (a.date ? "day" : "unknown")] - PRECISION_RANK[b.precision ?? (b.date ? "day" : "unknown")];
}

/** The sentence the timeline prints so readers know how undated and imprecise items are placed. */
export const ORDERING_RULE =
  "Items are in order of the earliest day each could have happened. When two share that day, the more precise date comes first (an exact day, then a weekday, a range of days, a month, a year), then the one recorded first. Items whose date is unknown come last.";

/** compareFuzzyDates as a sort key (the API's keyset cursors hold it): the earliest day, null when unknown (last), then the precision's rank. */
export function fuzzyDateKey(d: SortableDate): [string | null, number] {
  return [d.date, PRECISION_RANK[d.precision ?? (d.date ? "day" : "unknown")]];
}
