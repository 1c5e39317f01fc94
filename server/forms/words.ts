import type { Row } from "../editing/definition";
import type { DatePrecision } from "../../db/schema";
import { viewDate } from "../shared/dates";
import { weekdayText } from "./date-hints";

/** A stored day in a confirmation, with its weekday: "Friday, September 19, 2025". */
export function dayText(iso: unknown): string | null {
  return typeof iso === "string" ? weekdayText(iso) : null;
}

/** A fuzzy date of a record in words, as precise as it is known, with the weekday when the day is known. */
export function fuzzyText(record: Row, name: string): string | null {
  const date = (record[name] as string | null | undefined) ?? null;
  const precision = (record[`${name}Precision`] as DatePrecision | null | undefined) ?? null;
  if ((precision === null || precision === "day") && date) return dayText(date);
  const view = viewDate({
    date,
    latest: record[`${name}Latest`] as string | null,
    precision,
    label: record[`${name}Label`] as string | null,
  });
  return view.known ? view.text : null;
}

/** "Title (filed Friday, September 19, 2025)", or the title alone when the date is unknown. */
export function withDate(title: string, verb: string, date: string | null): string {
  return date ? `${title} (${verb} ${date})` : title;
}

export const str = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
