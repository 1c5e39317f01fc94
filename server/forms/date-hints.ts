import { DATE_PRECISIONS, type DatePrecision } from "../../db/schema";
import { formatDay, isCalendarDate, viewDate, weekdayOf } from "../shared/dates";
import type { FormValues } from "./values";

// What a date typed into a form means, printed beside it so a slip of one digit shows at once.

/** "Friday, September 19, 2025" beside a date input, so a typo in the day shows at once. */
export function weekdayText(value: string): string | null {
  return isCalendarDate(value) ? `${weekdayOf(value)}, ${formatDay(value)}` : null;
}

/**
 * What a rough date means, beside its inputs: the weekday when the day is known, "April 2025"
 * when only the month is; the latest day only for a range. Undefined for the parts without one.
 */
export function fuzzyMeaning(name: string, suffix: string, values: FormValues): string | null | undefined {
  if (suffix !== "" && suffix !== "Latest") return undefined;
  const part = (s: string) => String(values[`${name}${s}`] ?? "").trim();
  const typed = part("Precision") || "day";
  // A precision the form does not offer (a hand-made post) is shown with its field error and no meaning.
  if (!(DATE_PRECISIONS as readonly string[]).includes(typed)) return null;
  const precision = typed as DatePrecision;
  if (suffix === "Latest") return precision === "range" ? weekdayText(part("Latest")) : null;
  if (!isCalendarDate(part(""))) return null;
  if (precision === "day") return weekdayText(part(""));
  const latest = isCalendarDate(part("Latest")) ? part("Latest") : null;
  const view = viewDate({ date: part(""), latest, precision, label: null });
  return view.known ? `means: ${view.text}` : null;
}

/** Hints of a fuzzy date's inputs. */
export const PART_HINTS: Record<string, string> = {
  "": "YYYY-MM-DD. For a rough date, the earliest possible day.",
  Latest: "YYYY-MM-DD. Only for a date known to fall between two days.",
  Label: "Words to print instead of the date (“a Tuesday in September 2025”).",
};
