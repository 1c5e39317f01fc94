import type { PacerKind } from "../pacer";
import type { EditableType, RecordRow } from "../records/tables";
import type { MergeContext } from "./context";
import type { PacerBatch } from "./normalise";

/**
 * Where every imported fact comes from: the original file (stored once, by sha256), the
 * `sources` row that names it ("PACER docket report of 2026-01-20"), and a citation on each
 * record the import created or changed, marked as checked against the docket.
 */

// The content-addressed file store is shared with document uploads (server/files/store.ts).
export { isSha256, readStoredFile, storagePathOf, storeFileBytes } from "../files/store";

const KIND_TITLES: Record<PacerKind, string> = {
  docket: "PACER docket report",
  rss: "PACER RSS feed",
  nef: "PACER Notice of Electronic Filing",
};

/** "PACER docket report of 2026-01-20"; "…, entries through 2017-06-13" when the report is undated. */
export function sourceTitle(batch: Pick<PacerBatch, "kind" | "reportDate" | "reportDateBasis">): string {
  const what = KIND_TITLES[batch.kind];
  if (!batch.reportDate) return `${what} (undated)`;
  return batch.reportDateBasis === "latest-entry" ? `${what}, entries through ${batch.reportDate}` : `${what} of ${batch.reportDate}`;
}

function sourceDescription(batch: PacerBatch, courtShortName: string, sha256: string): string {
  const numbers = batch.cases.map((c) => c.docketNumber);
  const which = numbers.length === 1 ? `case ${numbers[0]}` : `${numbers.length} cases`;
  return `${KIND_TITLES[batch.kind]} for ${which} (${courtShortName}), imported from PACER; stored file sha256 ${sha256.slice(0, 12)}…`;
}

/** The source of one imported file: found by an earlier import of the same file, or created. */
export function ensureSource(ctx: MergeContext, batch: PacerBatch, sha256: string, previousSourceId: number | null): RecordRow<"source"> {
  if (previousSourceId !== null) {
    const previous = ctx.repo.sourceById(previousSourceId);
    if (previous) return previous;
  }
  let tag = `PACER-${sha256.slice(0, 8)}`;
  for (let length = 12; ctx.repo.sourceByTag(tag); length += 4) tag = `PACER-${sha256.slice(0, length)}`;
  const court = ctx.repo.court(ctx.courtId);
  const row = ctx.store.insert(
    "source",
    {
      tag,
      url: null,
      publisher: "PACER (U.S. courts)",
      title: sourceTitle(batch),
      description: sourceDescription(batch, court?.shortName ?? ctx.courtId, sha256),
      datePublished: batch.reportDate,
      datePublishedPrecision: batch.reportDate ? "day" : null,
      reliability: "court_record",
      reliabilityNote:
        batch.kind === "rss"
          ? "A court feed: short descriptions only, and the time the clerk entered each filing rather than the filing date."
          : "The court's own record, imported from PACER.",
    },
    ctx.write,
  );
  ctx.report.add({ recordType: "source", recordId: row.id, action: "created", label: `source ${row.tag}`, details: [row.title] });
  return row;
}

/** Record types whose facts an import states; deadlines come from rules, sources and citations cite. */
const CITED_TYPES = new Set<EditableType>([
  "court",
  "judge",
  "organization",
  "attorney",
  "case",
  "party",
  "representation",
  "entry",
  "document",
  "motion",
]);

/**
 * What needs a citation to this import: every record it created or updated, and any record it
 * matched that no court record backs yet (staff or press entries the docket now confirms).
 */
export function recordsToCite(ctx: MergeContext): { type: EditableType; id: string }[] {
  return ctx.report.changes
    .filter((c) => CITED_TYPES.has(c.recordType))
    .filter(
      (c) =>
        c.action !== "unchanged" ||
        (!c.details.some((d) => d.startsWith("deleted by staff")) &&
          !ctx.repo
            .citationsOf(c.recordType, c.recordId)
            .some((x) => x.reliability === "court_record" && x.citation.verifiedAgainstDocket)),
    )
    .map((c) => ({ type: c.recordType, id: c.recordId }));
}

/**
 * Adds the citations (skipping ones that exist) and retires inferred ones the court record now
 * settles, citing the import for that field instead. The source is made only when something
 * is cited. Returns the source, or null when nothing needed one.
 */
export function writeCitations(
  ctx: MergeContext,
  source: () => RecordRow<"source">,
  records: { type: EditableType; id: string }[],
): RecordRow<"source"> | null {
  type Wanted = { type: EditableType; id: string; field: string | null; inferredReason: string | null };
  const wanted = new Map<string, Wanted>();
  const cited = new Set(records.map((r) => `${r.type}:${r.id}`));
  for (const r of records) wanted.set(`${r.type}:${r.id}:`, { ...r, field: null, inferredReason: null });
  for (const f of ctx.fieldCitations) {
    const key = `${f.type}:${f.id}`;
    if (cited.has(key))
      wanted.set(`${key}:${f.field}`, { type: f.type, id: String(f.id), field: f.field, inferredReason: f.inferredReason });
  }
  const retire: { id: number; type: EditableType; recordId: string; field: string }[] = [];
  for (const s of ctx.superseded) {
    for (const { citation } of ctx.repo.citationsOf(s.type, s.id)) {
      if (citation.field !== s.field || !citation.inferred || citation.recordType === undefined) continue;
      retire.push({ id: citation.id, type: s.type, recordId: String(s.id), field: s.field });
      wanted.set(`${s.type}:${s.id}:${s.field}`, { type: s.type, id: String(s.id), field: s.field, inferredReason: null });
    }
  }
  if (wanted.size === 0) return null;
  const src = source();
  for (const r of retire) {
    ctx.store.remove("fact_source", r.id, { ...ctx.write, reason: `inference settled by ${src.title} (${src.tag})` });
    ctx.report.add({
      recordType: "fact_source",
      recordId: r.id,
      action: "updated",
      label: `citation of ${r.type} ${r.recordId} (${r.field})`,
      details: [`inferred value retired: ${src.tag} states it`],
    });
  }
  for (const w of wanted.values()) {
    const existing = ctx.repo.citationsOf(w.type, w.id).some((x) => x.citation.sourceId === src.id && x.citation.field === w.field);
    if (existing) continue;
    const row = ctx.store.insert(
      "fact_source",
      {
        recordType: w.type,
        recordId: w.id,
        field: w.field,
        sourceId: src.id,
        verifiedAgainstDocket: w.inferredReason === null,
        inferred: w.inferredReason !== null,
        inferredReason: w.inferredReason,
      },
      ctx.write,
    );
    ctx.report.add({
      recordType: "fact_source",
      recordId: row.id,
      action: "created",
      label: `citation of ${w.type} ${w.id}${w.field ? ` (${w.field})` : ""}`,
      details: [src.tag],
    });
  }
  return src;
}
