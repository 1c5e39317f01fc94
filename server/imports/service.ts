import type { Db } from "../../db/client";
import { AppError, ValidationError } from "../errors";
import { PacerInputError } from "../pacer";
import { createRecordStore, type Actor } from "../records/store";
import type { Clock } from "../shared/clock";
import { DEFAULT_IMPORT_GROUP, PUBLISH_NEEDS_GROUP, type CaseGroup, type MergeContext } from "./context";
import { prepareFile, sha256Of, type PreparedFile } from "./input";
import { ensureCourt, mergeCase, mergeParties } from "./merge-case";
import { mergeEntries } from "./merge-entries";
import { fromDocketReport, fromNef, fromRssFeed, type PacerBatch } from "./normalise";
import { ensureSource, recordsToCite, storagePathOf, storeFileBytes, writeCitations } from "./provenance";
import { countChanges, createReportBuilder, type ImportOutcome, type ImportReport, type ReportCase } from "./report";
import { createImportsRepository } from "./repository";
import { recordFreshness } from "../freshness/record-freshness";

/**
 * Importing PACER files into the tracker: check and parse each file, merge it into the record
 * in one transaction, and record where every fact came from. A dry run does the whole merge
 * and rolls it back, so its report is exactly what the real import would do.
 */

export type ImportOptions = {
  actor: Actor;
  clock: Clock;
  /** DATA_DIR: original files are kept under `files/` there. */
  dataDir: string;
  dryRun?: boolean;
  /** The court the user named; otherwise the document's links, then the file name. */
  courtId?: string | null;
  /**
   * Group of the cases an import creates; "unsorted" (staff only, until staff choose) unless
   * told otherwise: the record cannot tell where a new docket belongs.
   */
  group?: CaseGroup;
  /**
   * Publish the cases this import creates. Off unless the caller says so: every path that
   * imports (the staff page, `quash import`, mail and feed intake) passes through here, so a
   * new case is staff-only by default wherever it came from. Needs a group other than
   * "unsorted", since the public sees a case in its group.
   */
  publish?: boolean;
  /** Leave cases the tracker does not follow alone (for court-wide RSS feeds). */
  trackedCasesOnly?: boolean;
  /** Touch only cases staff watch (the RSS poll of a court-wide feed). */
  watchedCasesOnly?: boolean;
  /** Upload limit of the caller; the parsers' own limit applies anyway. */
  maxBytes?: number;
};

export type PacerFile = { bytes: Buffer; fileName: string };

/** Thrown inside the transaction of a dry run to roll it back; carries what was computed. */
class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super("dry run: rolled back");
  }
}

/** A failure in words for the person who supplied the file; internal errors give their first line only. */
export function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split("\n")[0] ?? message).slice(0, 300);
  return `the import failed and nothing was saved (${first})`;
}

function normalise(file: PreparedFile, timeZone: string): PacerBatch {
  if (file.kind === "docket") return fromDocketReport(file.result, file.text);
  if (file.kind === "rss") return fromRssFeed(file.result, file.text, timeZone);
  return fromNef(file.result, file.text);
}

function actorLabel(actor: Actor, importId: number): string {
  return actor.label ? `import #${importId} by ${actor.label}` : `import #${importId}`;
}

/** What the imports row keeps of the report (before/after texts stay out: they are in the revisions). */
function storedSummary(report: ImportReport) {
  return {
    reportDate: report.reportDate,
    counts: report.counts,
    cases: report.cases,
    notes: report.notes,
    changes: report.changes.map(({ recordType, recordId, action, description }) => ({ recordType, recordId, action, description })),
  };
}

/** The merge of one prepared file: synchronous, meant to run inside a transaction. */
function mergeFile(db: Db, file: PreparedFile, options: ImportOptions): ImportReport {
  const repo = createImportsRepository(db);
  const base = {
    fileName: file.fileName,
    sha256: file.sha256,
    kind: file.kind,
    courtId: file.courtId,
    dryRun: options.dryRun ?? false,
  };
  const previous = repo.latestImportOfFile(file.sha256);
  if (previous) {
    // The same bytes were imported before: nothing new can come of them.
    const source = previous.sourceId ? repo.sourceById(previous.sourceId) : undefined;
    return {
      ...base,
      status: "already-imported",
      importId: null,
      previousImportId: previous.id,
      reportDate: source?.datePublished ?? null,
      source: source ? { tag: source.tag, title: source.title } : null,
      cases: [],
      changes: [],
      counts: {},
      notes: [
        `This file was already imported (import #${previous.id} on ${previous.createdAt.slice(0, 10)}); nothing was changed.`,
        ...file.notes,
      ],
    };
  }

  const now = options.clock.now();
  if (!repo.file(file.sha256)) {
    repo.insertFile({
      sha256: file.sha256,
      sizeBytes: file.bytes.length,
      mediaType: file.mediaType,
      storagePath: storagePathOf(file.sha256),
      originalName: file.fileName,
      createdAt: now,
    });
  }
  const importId = repo.insertImport({
    kind: file.kind,
    fileSha256: file.sha256,
    courtId: file.courtId,
    userId: options.actor.userId,
    actor: options.actor.label,
    createdAt: now,
    summary: "{}",
  });
  const report = createReportBuilder();
  for (const note of file.notes) report.note(note);
  const ctx: MergeContext = {
    db,
    store: createRecordStore(db, options.clock),
    repo,
    report,
    write: { actor: { userId: options.actor.userId, label: actorLabel(options.actor, importId) } },
    kind: file.kind,
    courtId: file.courtId,
    reportDate: null,
    group: options.group ?? DEFAULT_IMPORT_GROUP,
    publish: options.publish ?? false,
    trackedCasesOnly: options.trackedCasesOnly ?? false,
    watchedCasesOnly: options.watchedCasesOnly ?? false,
    fieldCitations: [],
    superseded: [],
  };
  const court = ensureCourt(ctx, file.text);
  const batch = normalise(file, court.timeZone);
  ctx.reportDate = batch.reportDate;

  const cases: ReportCase[] = [];
  for (const incoming of batch.cases) {
    const row = mergeCase(ctx, incoming);
    if (!row) continue;
    if (incoming.parties) mergeParties(ctx, row, incoming.parties);
    mergeEntries(ctx, row, incoming.entries);
    const action = report.changes.find((c) => c.recordType === "case" && c.recordId === String(row.id))?.action ?? "unchanged";
    cases.push({ id: row.id, slug: row.slug, label: row.label, docketNumber: row.docketNumber, action, published: row.published });
  }

  recordFreshness(
    db,
    file.kind,
    cases.map((c) => c.id),
    { now, reportDate: batch.reportDate },
  );

  const source = writeCitations(ctx, () => ensureSource(ctx, batch, file.sha256, null), recordsToCite(ctx));
  const result: ImportReport = {
    ...base,
    status: "imported",
    importId: options.dryRun ? null : importId,
    previousImportId: null,
    reportDate: batch.reportDate,
    source: source ? { tag: source.tag, title: source.title } : null,
    cases,
    changes: report.changes,
    counts: countChanges(report.changes),
    notes: report.notes,
  };
  repo.insertImportRecords(report.changes.map((c) => ({ importId, recordType: c.recordType, recordId: c.recordId, action: c.action })));
  repo.finishImport(importId, {
    caseId: cases.length === 1 ? cases[0]!.id : null,
    sourceId: source?.id ?? null,
    summary: JSON.stringify(storedSummary(result)),
  });
  return result;
}

async function prepareAll(files: PacerFile[], options: ImportOptions): Promise<(PreparedFile | { failed: ImportOutcome })[]> {
  const prepared: (PreparedFile | { failed: ImportOutcome })[] = [];
  for (const file of files) {
    try {
      prepared.push(await prepareFile(file.bytes, file.fileName, { courtId: options.courtId, maxBytes: options.maxBytes }));
    } catch (error) {
      if (!(error instanceof PacerInputError)) throw error;
      prepared.push({
        failed: { ok: false, fileName: file.fileName, sha256: file.bytes.length ? sha256Of(file.bytes) : null, error: error.message },
      });
    }
  }
  return prepared;
}

/**
 * Merges one file that `prepareFile` checked and parsed, in its own transaction (a savepoint
 * when the caller has one open: the RSS poll and the NEF intake write their own state in the
 * same transaction). The caller stores the file's bytes first (`storeFileBytes`).
 */
export function mergePreparedFile(db: Db, file: PreparedFile, options: ImportOptions): ImportReport {
  return db.transaction(() => mergeFile(db, file, options));
}

function mergeOne(db: Db, file: PreparedFile, options: ImportOptions): ImportOutcome {
  try {
    return { ok: true, report: db.transaction(() => mergeFile(db, file, options)) };
  } catch (error) {
    if (error instanceof DryRunRollback) throw error;
    return { ok: false, fileName: file.fileName, sha256: file.sha256, error: failureMessage(error) };
  }
}

/**
 * Imports several files in the order given. Each file is its own transaction: a file that
 * fails leaves the database as it was before that file, and the others still import. A dry
 * run merges them all inside one outer transaction (so file 2's preview sees file 1's
 * changes, as the real import would) and rolls everything back; nothing is written to disk.
 */
export async function importPacerFiles(db: Db, files: PacerFile[], options: ImportOptions): Promise<ImportOutcome[]> {
  if (options.publish && (options.group ?? DEFAULT_IMPORT_GROUP) === "unsorted") {
    throw new ValidationError(
      [{ path: "group", message: PUBLISH_NEEDS_GROUP }],
      "Nothing was imported: a case published at import needs a group.",
    );
  }
  const prepared = await prepareAll(files, options);
  const run = (): ImportOutcome[] => prepared.map((p) => ("failed" in p ? p.failed : mergeOne(db, p, options)));
  if (options.dryRun) {
    try {
      db.transaction(() => {
        throw new DryRunRollback(run());
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.value as ImportOutcome[];
      throw error;
    }
  }
  for (const p of prepared) if (!("failed" in p)) storeFileBytes(options.dataDir, p.sha256, p.bytes);
  return run();
}

/** Imports one file; throws `PacerInputError` (bad input) or `ImportFailedError` (the merge failed, nothing saved). */
export async function importPacerFile(db: Db, file: PacerFile & ImportOptions): Promise<ImportReport> {
  const { bytes, fileName, ...options } = file;
  const [outcome] = await importPacerFiles(db, [{ bytes, fileName }], options);
  if (!outcome) throw new Error("no outcome");
  if (!outcome.ok) throw new ImportFailedError(`${outcome.fileName}: ${outcome.error}`);
  return outcome.report;
}

/** An import that was refused or rolled back; the message says why, in one line. */
export class ImportFailedError extends AppError {
  constructor(message: string) {
    super(422, message, "import_failed");
  }
}
