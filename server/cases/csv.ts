import type { Readable } from "node:stream";
import type { Db } from "../../db/client";
import { paths } from "../paths";
import { csvStream } from "../shared/csv-reply";
import { ENTRY_KIND_LABELS, ENTRY_SOURCE_PHRASES, entrySourceKind, label } from "../shared/labels";
import { isInferred, refKey, type Citation } from "../sources/markers";
import { SEALED_TEXT } from "../privacy/projection";
import { publicEntryBatches, type PublicEntry } from "./loaders";

/** The columns of a docket's CSV (docs/exports.md says what each holds). */
export const DOCKET_COLUMNS = [
  "ecf_number",
  "ecf_citation",
  "date_filed",
  "date_filed_inferred",
  "date_entered",
  "kind",
  "docket_text",
  "sealed",
  "stricken",
  "source",
  "source_detail",
  "sources",
  "permalink",
] as const;

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** One docket entry as a CSV row; a sealed entry shows only what its placeholder shows on the page. */
export function docketCsvRow(e: PublicEntry, citations: Citation[] | undefined, caseSlug: string, baseUrl: string): string[] {
  return [
    e.number === null ? "" : String(e.number),
    e.number === null ? "" : `ECF No. ${e.number}`,
    e.dateFiled,
    yesNo(!e.sealed && isInferred(citations, "dateFiled")),
    e.dateEntered ?? "",
    label(ENTRY_KIND_LABELS, e.kind),
    e.sealed ? SEALED_TEXT : e.description,
    yesNo(e.sealed),
    yesNo(e.stricken),
    entrySourceKind(e.source),
    label(ENTRY_SOURCE_PHRASES, e.source),
    e.sealed ? "" : [...new Set((citations ?? []).map((c) => c.source.tag))].join("; "),
    `${baseUrl}${paths.entryPermalink(caseSlug, e.id)}`,
  ];
}

/**
 * A whole docket as an RFC 4180 CSV stream, its header first, read a keyset batch at a time
 * (publicEntryBatches) as the client takes the rows (csvStream): a docket of 100,000 entries
 * exports in the memory of one batch (bench/export-csv.ts).
 */
export function docketCsvStream(db: Db, kase: { id: number; slug: string }, baseUrl: string, batchSize?: number): Readable {
  function* rows() {
    for (const batch of publicEntryBatches(db, kase.id, batchSize)) {
      for (const e of batch.entries) yield docketCsvRow(e, batch.citations.get(refKey("entry", e.id)), kase.slug, baseUrl);
    }
  }
  return csvStream(DOCKET_COLUMNS, rows());
}
