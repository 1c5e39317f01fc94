import type { Readable } from "node:stream";
import type { Db } from "../../db/client";
import { csvStream, sourceTags } from "../shared/csv-reply";
import { EVENT_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import { publicTimelineItems, type TimelineItem } from "./loaders";
import { timelineItemPath } from "./view-models";

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

/** A timeline item as a CSV row: an event, or an order's signing no event tells of. */
export function timelineCsvRow(item: TimelineItem, baseUrl: string): string[] {
  return [
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
    `${baseUrl}${timelineItemPath(item)}`,
  ];
}

/** The whole timeline as an RFC 4180 CSV stream in the page's order, read a batch at a time (publicTimelineItems). */
export function timelineCsvStream(db: Db, baseUrl: string, batchSize?: number): Readable {
  function* rows() {
    for (const item of publicTimelineItems(db, batchSize)) yield timelineCsvRow(item, baseUrl);
  }
  return csvStream(TIMELINE_COLUMNS, rows());
}
