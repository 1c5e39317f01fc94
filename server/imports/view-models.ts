import { CASE_GROUPS } from "../../db/schema";
import { paths } from "../paths";
import { sizeText } from "../shared/bytes";
import { formatDay } from "../shared/dates";
import { GROUP_LABELS } from "../shared/labels";
import type { ImportOutcome, ReportCase, Tally } from "./report";
import { countWords, summariseAction } from "./report";
import type { ImportOptionsForm } from "./schemas";
import type { EditableType } from "../records/tables";

/** Pure functions from import reports and rows to what the staff import pages print. */

const KIND_WORDS: Record<string, string> = { docket: "Docket report", rss: "RSS feed", nef: "Notice of Electronic Filing" };

const ACTION_WORDS: Record<string, string> = { created: "new", updated: "updated", unchanged: "unchanged" };

/**
 * A case of a report; a case a preview would create has no page yet, so no link, and an
 * unpublished case links to its staff page (its public page answers 404 until published).
 */
function caseView(c: ReportCase, preview = false) {
  const unpublished = c.published === false;
  const href = preview && c.action === "created" ? null : unpublished ? paths.staffCase(c.slug) : paths.case(c.slug);
  return { label: c.label, docketNumber: c.docketNumber, action: ACTION_WORDS[c.action] ?? c.action, href, unpublished };
}

function optionsView(options: ImportOptionsForm) {
  return {
    court: options.court,
    trackedOnly: options.trackedOnly,
    publish: options.publish,
    groups: CASE_GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] ?? g, selected: g === options.group })),
  };
}

type StoredSummary = {
  counts?: Partial<Record<EditableType, Tally>>;
  cases?: ReportCase[];
  notes?: string[];
  changes?: { recordType: EditableType; action: string; description: string }[];
};

function readSummary(json: string): StoredSummary {
  try {
    const parsed = JSON.parse(json) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as StoredSummary) : {};
  } catch {
    return {};
  }
}

export type ImportRowInput = {
  id: number;
  kind: string;
  createdAt: string;
  actor: string;
  summary: string;
  fileName: string | null;
  sourceTitle: string | null;
};

function importListItem(row: ImportRowInput) {
  const summary = readSummary(row.summary);
  return {
    id: row.id,
    href: paths.staffImportDone([row.id]),
    fileName: row.fileName ?? "(file name unknown)",
    kind: KIND_WORDS[row.kind] ?? row.kind,
    day: { text: formatDay(row.createdAt.slice(0, 10)), datetime: row.createdAt },
    actor: row.actor,
    cases: (summary.cases ?? []).map((c) => caseView(c)),
    created: summariseAction(summary.counts ?? {}, "created") || "nothing",
    updated: summariseAction(summary.counts ?? {}, "updated") || "nothing",
  };
}

export function toImportFormView(input: {
  options: ImportOptionsForm;
  errors?: Record<string, string>;
  formError?: string | null;
  limitBytes: number;
  maxFiles: number;
  recent: ImportRowInput[];
}) {
  return {
    title: "Import from PACER",
    action: paths.staffImportPreview(),
    ...optionsView(input.options),
    errors: input.errors ?? {},
    formError: input.formError ?? null,
    limitText: sizeText(input.limitBytes),
    maxFiles: input.maxFiles,
    recent: input.recent.map(importListItem),
    unpublishedHref: paths.staffUnpublished(),
  };
}

export function toImportPreviewView(outcomes: ImportOutcome[], options: ImportOptionsForm) {
  const files = outcomes.map((o) => {
    if (!o.ok) return { fileName: o.fileName, failed: true, error: o.error };
    const r = o.report;
    const changes = r.changes
      .filter((c) => c.action !== "unchanged" && c.recordType !== "fact_source")
      .map((c) => ({
        action: ACTION_WORDS[c.action] ?? c.action,
        isNew: c.action === "created",
        label: c.label,
        details: c.details.join("; "),
        hasText: c.before !== undefined,
        before: c.before ?? null,
        after: c.after ?? null,
      }));
    const citations = r.counts.fact_source;
    return {
      fileName: r.fileName,
      failed: false,
      alreadyImported: r.status === "already-imported",
      previousHref: r.previousImportId ? paths.staffImportDone([r.previousImportId]) : null,
      previousId: r.previousImportId,
      kind: KIND_WORDS[r.kind] ?? r.kind,
      sourceTitle: r.source?.title ?? null,
      court: r.courtId,
      cases: r.cases.map((c) => caseView(c, true)),
      created: summariseAction(r.counts, "created") || "nothing",
      updated: summariseAction(r.counts, "updated") || "nothing",
      unchanged: summariseAction(r.counts, "unchanged") || "nothing",
      citations: citations ? countWords("fact_source", citations.created) : null,
      changes,
      hasChanges: changes.length > 0,
      notes: r.notes,
    };
  });
  const importable = outcomes.flatMap((o) => (o.ok && o.report.status === "imported" ? [`${o.report.sha256}/${o.report.fileName}`] : []));
  return {
    title: "Check the import",
    files,
    anyFailed: files.some((f) => f.failed),
    confirm:
      importable.length > 0
        ? {
            action: paths.staffImportConfirm(),
            files: importable,
            count: importable.length,
            plural: importable.length !== 1,
            ...optionsView(options),
            group: options.group,
          }
        : null,
    backHref: paths.staffImport(),
  };
}

/** A record of an import the publication guard holds: where the finding is (never its text) and its review page. */
export type HeldImportRecord = { text: string; href: string };

export function toImportDoneView(
  rows: ImportRowInput[],
  failures: { fileName: string; error: string }[] = [],
  heldOf: (importId: number) => HeldImportRecord[] = () => [],
) {
  return {
    title: rows.length === 1 ? `Import #${rows[0]!.id}` : "Imports",
    imports: rows.map((row) => {
      const summary = readSummary(row.summary);
      return {
        ...importListItem(row),
        sourceTitle: row.sourceTitle,
        unchanged: summariseAction(summary.counts ?? {}, "unchanged") || "nothing",
        changes: (summary.changes ?? [])
          .filter((c) => c.action !== "unchanged" && c.recordType !== "fact_source")
          .map((c) => ({ description: c.description, isNew: c.action === "created" })),
        notes: summary.notes ?? [],
        anyUnpublished: (summary.cases ?? []).some((c) => c.published === false),
        held: heldOf(row.id),
      };
    }),
    failures,
    importHref: paths.staffImport(),
    unpublishedHref: paths.staffUnpublished(),
  };
}
