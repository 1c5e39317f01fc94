import type { PacerKind } from "../pacer";
import type { EditableType } from "../records/tables";

/**
 * What an import did (or, in a dry run, would do), record by record, in words staff can read:
 * "entry 12 text replaced: RSS short description → docket report text".
 */

export type ChangeAction = "created" | "updated" | "unchanged";

export type RecordChange = {
  recordType: EditableType;
  recordId: string;
  action: ChangeAction;
  /** What the record is, in words: "entry 12", "party J. Doe (Movant)". */
  label: string;
  /** What changed: "text replaced: RSS short description → docket report text". */
  details: string[];
  /** `label`, the action and the details in one line. */
  description: string;
  /** Text before and after, for entries whose text changed (the preview shows both). */
  before?: string | null;
  after?: string | null;
};

/** `published`: whether the public sees the case (absent in the summaries of imports made before cases could be unpublished, which were all public). */
export type ReportCase = {
  id: number;
  slug: string;
  label: string;
  docketNumber: string | null;
  action: ChangeAction;
  published?: boolean;
};

export type Tally = { created: number; updated: number; unchanged: number };

export type ImportReport = {
  fileName: string;
  sha256: string;
  kind: PacerKind;
  courtId: string;
  dryRun: boolean;
  /** "imported": written (or, dry run, would be); "already-imported": this exact file was imported before, nothing done. */
  status: "imported" | "already-imported";
  importId: number | null;
  /** The earlier import of the same file, when status is "already-imported". */
  previousImportId: number | null;
  reportDate: string | null;
  source: { tag: string; title: string } | null;
  cases: ReportCase[];
  changes: RecordChange[];
  counts: Partial<Record<EditableType, Tally>>;
  notes: string[];
};

export type FailedImport = { fileName: string; sha256: string | null; error: string };

export type ImportOutcome = { ok: true; report: ImportReport } | ({ ok: false } & FailedImport);

export type ChangeInput = Omit<RecordChange, "description" | "details" | "recordId"> & {
  recordId: string | number;
  details?: string[];
};

function describe(c: Omit<RecordChange, "description">): string {
  const verb = c.action === "unchanged" ? "unchanged" : c.action;
  return `${c.label} ${verb}${c.details.length ? `: ${c.details.join("; ")}` : ""}`;
}

/** Collects changes as the merge goes; `counts` is derived from them at the end. */
export function createReportBuilder() {
  const changes: RecordChange[] = [];
  const notes: string[] = [];
  const seen = new Map<string, RecordChange>();
  return {
    changes,
    notes,
    /**
     * Records one change. A record touched twice keeps its strongest action (created >
     * updated > unchanged) and gathers the details of every update.
     */
    add(input: ChangeInput) {
      const change: RecordChange = { ...input, recordId: String(input.recordId), details: input.details ?? [], description: "" };
      change.description = describe(change);
      const key = `${change.recordType}:${change.recordId}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, change);
        changes.push(change);
        return;
      }
      if (change.action === "unchanged" || earlier.action === "created") return;
      if (earlier.action === "unchanged") earlier.action = "updated";
      earlier.details.push(...change.details);
      if (change.before !== undefined && earlier.before === undefined) earlier.before = change.before;
      if (change.after !== undefined) earlier.after = change.after;
      earlier.description = describe(earlier);
    },
    note(text: string) {
      if (!notes.includes(text)) notes.push(text);
    },
    touched(): RecordChange[] {
      return changes.filter((c) => c.action !== "unchanged");
    },
  };
}

export type ReportBuilder = ReturnType<typeof createReportBuilder>;

export function countChanges(changes: RecordChange[]): Partial<Record<EditableType, Tally>> {
  const counts: Partial<Record<EditableType, Tally>> = {};
  for (const c of changes) {
    const tally = (counts[c.recordType] ??= { created: 0, updated: 0, unchanged: 0 });
    tally[c.action]++;
  }
  return counts;
}

/** Words for record types in reports ("3 entries, 1 party"). */
const NOUNS: Partial<Record<EditableType, [string, string]>> = {
  court: ["court", "courts"],
  judge: ["judge", "judges"],
  organization: ["firm", "firms"],
  attorney: ["attorney", "attorneys"],
  case: ["case", "cases"],
  party: ["party", "parties"],
  representation: ["representation", "representations"],
  entry: ["entry", "entries"],
  document: ["document", "documents"],
  motion: ["motion", "motions"],
  deadline: ["deadline", "deadlines"],
  source: ["source", "sources"],
  fact_source: ["citation", "citations"],
};

export function countWords(type: EditableType, n: number): string {
  const [one, many] = NOUNS[type] ?? [type, `${type}s`];
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 entries, 1 party" for one action, or "" when there are none. */
export function summariseAction(counts: Partial<Record<EditableType, Tally>>, action: ChangeAction): string {
  return Object.entries(counts)
    .filter(([, t]) => t[action] > 0)
    .map(([type, t]) => countWords(type as EditableType, t[action]))
    .join(", ");
}
