import { paths } from "../paths";
import { sourceTags } from "../shared/csv-reply";
import { EVENT_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import type { TimelineItem } from "./loaders";

/** The columns of /timeline.csv (docs/exports.md). */
export const TIMELINE_COLUMNS = [
  "date",
  "date_latest",
  "date_precision",
  "date_label",
  "date_inferred",
  "kind",
  "title",
  "description",
  "from",
  "case",
  "subpoenas",
  "sources",
  "url",
] as const;

/** The timeline's items as CSV rows, in the page's order: an event, or an order's signing no event tells of. */
export function timelineCsvRows(items: TimelineItem[], baseUrl: string): string[][] {
  return items.map((item) => [
    item.date.date ?? "",
    item.date.latest ?? "",
    item.date.date ? item.date.precision : "",
    item.date.label ?? "",
    inferredView(item.citations, item.dateField) ? "yes" : "no",
    label(EVENT_KIND_LABELS, item.kind),
    item.title,
    item.description ?? "",
    item.origin,
    item.case ? (item.case.caption ?? item.case.label) : "",
    item.subpoenas.map((sp) => sp.title).join("; "),
    sourceTags(item.citations),
    `${baseUrl}${paths.timeline()}#${item.anchor}`,
  ]);
}
