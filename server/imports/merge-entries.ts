import type { ENTRY_SOURCES } from "../../db/schema";
import type { RecordInsert, RecordRow } from "../records/tables";
import { createMotionDeadlines } from "../schedule/service";
import { KIND_OF_SOURCE, notOlderThanLast, type MergeContext } from "./context";
import type { IncomingDocument, IncomingEntry } from "./normalise";
import { entryKindFromText, filedByFromText, isRoutineMotion, motionFromText, normaliseText, saysSealed, textContains } from "./text";

/**
 * Docket entries, their documents and the motions they bring. Matching, source ranking and
 * ordering are explained in README.md; the short version: number, then PACER doc id, then day
 * and text; a fuller source replaces a shorter one and the earlier text stays in the revisions.
 */

type EntryRow = RecordRow<"entry">;
type EntrySourceName = (typeof ENTRY_SOURCES)[number];

/** How full a source's text is. "manual" is not ranked: staff text is enriched, never replaced. */
const RANK: Record<Exclude<EntrySourceName, "manual">, number> = { press: 0, rss: 1, nef: 2, pacer_docket: 3 };

const SOURCE_WORDS: Record<EntrySourceName, string> = {
  manual: "staff text",
  press: "press placeholder",
  rss: "RSS short description",
  nef: "NEF text",
  pacer_docket: "docket report text",
};

const RSS_DATE_REASON =
  "The RSS feed gives only when the clerk entered the filing; the filing date is taken to be that day until a docket report or notice states it.";

function excerpt(text: string): string {
  return text.length <= 70 ? text : `${text.slice(0, 70).replace(/\s+\S*$/, "")}…`;
}

function entryLabel(e: Pick<EntryRow, "number" | "dateFiled">): string {
  return e.number !== null ? `entry ${e.number}` : `unnumbered entry of ${e.dateFiled}`;
}

/** The best-known day of an entry, for ordering. */
const dayOf = (e: { dateFiled: string | null; dateEntered: string | null }) => e.dateFiled ?? e.dateEntered ?? "";

/** True when `a` (already on the docket) comes before `b` (new): PACER's sequence, else date, else number. */
function comesBefore(a: EntryRow, b: IncomingEntry): boolean {
  if (a.pacerSeqNo && b.pacerSeqNo && /^\d+$/.test(a.pacerSeqNo) && /^\d+$/.test(b.pacerSeqNo))
    return Number(a.pacerSeqNo) < Number(b.pacerSeqNo);
  const da = dayOf(a);
  const db = dayOf(b);
  if (da !== db) return da < db;
  if (a.number !== null && b.number !== null) return a.number < b.number;
  return true;
}

function sameDay(e: EntryRow, inc: IncomingEntry): boolean {
  return (
    (inc.dateFiled !== null && e.dateFiled === inc.dateFiled) ||
    (inc.dateEntered !== null && (e.dateEntered === inc.dateEntered || e.dateFiled === inc.dateEntered))
  );
}

/** The same words: equal texts, or the short description of one said by the other's full text. */
function sameText(e: EntryRow, inc: IncomingEntry): boolean {
  const incFull = inc.description;
  if (incFull && normaliseText(incFull) === normaliseText(e.description)) return true;
  if (
    inc.shortDescription &&
    (textContains(e.description, inc.shortDescription) ||
      (e.shortDescription !== null && normaliseText(e.shortDescription) === normaliseText(inc.shortDescription)))
  )
    return true;
  if (incFull && e.shortDescription && textContains(incFull, e.shortDescription)) return true;
  if (incFull && e.source === "rss" && textContains(incFull, e.description)) return true;
  return false;
}

/** The stored entry an incoming one is, if any. Each stored entry is matched at most once per file. */
function findEntry(entries: EntryRow[], inc: IncomingEntry, claimed: Set<number>): EntryRow | undefined {
  const free = entries.filter((e) => !claimed.has(e.id));
  if (inc.number !== null) {
    const byNumber = free.find((e) => e.number === inc.number);
    if (byNumber) return byNumber;
  }
  if (inc.pacerDocId) {
    const byDocId = free.find(
      (e) => e.pacerDocId === inc.pacerDocId && (e.number === null || inc.number === null || e.number === inc.number),
    );
    if (byDocId) return byDocId;
  }
  const byText = free.find((e) => e.number === null && sameDay(e, inc) && sameText(e, inc));
  if (byText) return byText;
  // A placeholder seeded from the press (number unknown) is the filing of the same day and kind.
  if (inc.description && inc.dateFiled) {
    const kind = entryKindFromText(inc.description);
    return free.find((e) => e.source === "press" && e.number === null && e.dateFiled === inc.dateFiled && e.kind === kind);
  }
  return undefined;
}

/** Sequences for new entries: spread evenly between the stored entries they fall between. */
function placeNewEntries(entries: EntryRow[], fresh: IncomingEntry[]): Map<IncomingEntry, number> {
  const groups = new Map<number, IncomingEntry[]>();
  for (const inc of fresh) {
    let after = -1;
    entries.forEach((e, i) => {
      if (comesBefore(e, inc)) after = i;
    });
    groups.set(after, [...(groups.get(after) ?? []), inc]);
  }
  const sequences = new Map<IncomingEntry, number>();
  for (const [after, group] of groups) {
    const prev = after >= 0 ? entries[after]!.sequence : null;
    const next = entries[after + 1]?.sequence ?? null;
    group.forEach((inc, i) => {
      const n = group.length;
      let seq: number;
      if (prev !== null && next !== null) seq = prev + ((next - prev) * (i + 1)) / (n + 1);
      else if (prev !== null) seq = prev + i + 1;
      else if (next !== null) seq = next - (n - i);
      else seq = i + 1;
      sequences.set(inc, seq);
    });
  }
  return sequences;
}

/** Merges a case's entries from one file; returns the entries the file speaks of, in its order. */
export function mergeEntries(ctx: MergeContext, caseRow: RecordRow<"case">, incoming: IncomingEntry[]): void {
  const entries = ctx.repo.entriesOfCase(caseRow.id);
  const claimed = new Set<number>();
  const fresh: IncomingEntry[] = [];
  const merged: { row: EntryRow; inc: IncomingEntry }[] = [];
  for (const inc of incoming) {
    const match = findEntry(entries, inc, claimed);
    if (!match) {
      fresh.push(inc);
      continue;
    }
    claimed.add(match.id);
    merged.push({ row: updateEntry(ctx, match, inc), inc });
  }
  const sequences = placeNewEntries(entries, fresh);
  for (const inc of fresh) {
    const row = createEntry(ctx, caseRow.id, inc, sequences.get(inc)!);
    if (row) merged.push({ row, inc });
  }
  for (const { row, inc } of merged) {
    for (const doc of inc.documents) mergeDocument(ctx, row, doc);
    if (inc.source !== "rss") mergeMotion(ctx, row);
  }
}

function createEntry(ctx: MergeContext, caseId: number, inc: IncomingEntry, sequence: number): EntryRow | null {
  const dateFiled = inc.dateFiled ?? inc.dateEntered;
  if (!dateFiled) {
    ctx.report.note(
      `An entry without any date (${inc.originalText.slice(0, 60)}) was skipped: an entry needs at least the day it was entered.`,
    );
    return null;
  }
  const description = inc.description ?? inc.shortDescription ?? "";
  const row = ctx.store.insert(
    "entry",
    {
      caseId,
      number: inc.number,
      sequence,
      dateFiled,
      dateEntered: inc.dateEntered,
      description,
      shortDescription: inc.shortDescription,
      kind: entryKindFromText(description),
      filedBy: inc.description ? filedByFromText(inc.description) : null,
      sealed: saysSealed(description),
      source: inc.source,
      originalText: inc.originalText,
      pacerDocId: inc.pacerDocId,
      pacerSeqNo: inc.pacerSeqNo,
    },
    ctx.write,
  );
  const details = [row.sealed ? `${SOURCE_WORDS[inc.source]}, sealed` : `${SOURCE_WORDS[inc.source]} "${excerpt(row.description)}"`];
  if (inc.dateFiled === null) {
    details.push(`date filed taken from the entered date ${dateFiled}`);
    ctx.fieldCitations.push({ type: "entry", id: row.id, field: "dateFiled", inferredReason: RSS_DATE_REASON });
  } else {
    ctx.fieldCitations.push({ type: "entry", id: row.id, field: "dateFiled", inferredReason: null });
  }
  ctx.report.add({ recordType: "entry", recordId: row.id, action: "created", label: entryLabel(row), details, after: row.description });
  return row;
}

function updateEntry(ctx: MergeContext, row: EntryRow, inc: IncomingEntry): EntryRow {
  const changes: Partial<RecordInsert<"entry">> = {};
  const details: string[] = [];
  let before: string | undefined;
  let after: string | undefined;
  const label = entryLabel(row);

  // Identifiers and dates nobody stated yet, from any source.
  if (row.number === null && inc.number !== null) {
    changes.number = inc.number;
    details.push(`number ${inc.number}`);
  }
  if (row.pacerDocId === null && inc.pacerDocId) changes.pacerDocId = inc.pacerDocId;
  if (row.pacerSeqNo === null && inc.pacerSeqNo) changes.pacerSeqNo = inc.pacerSeqNo;
  if (inc.dateEntered && row.dateEntered !== inc.dateEntered && (row.dateEntered === null || inc.source === "pacer_docket")) {
    changes.dateEntered = inc.dateEntered;
    details.push(`date entered ${inc.dateEntered}`);
  }
  if (row.shortDescription === null && inc.shortDescription) {
    changes.shortDescription = inc.shortDescription;
    details.push(`short description "${inc.shortDescription}"`);
  }

  if (row.source === "manual") {
    // Staff wrote this entry: add what PACER knows, keep their words and their date.
    if (inc.description && normaliseText(inc.description) !== normaliseText(row.description)) {
      if (row.originalText === null) {
        changes.originalText = inc.originalText;
        details.push(`${SOURCE_WORDS[inc.source]} kept as the original text beside the staff text`);
      }
      ctx.report.note(`${label}: the staff text was kept; the ${SOURCE_WORDS[inc.source]} differs.`);
    }
    if (inc.dateFiled && inc.dateFiled !== row.dateFiled) {
      ctx.report.note(`${label}: staff recorded it as filed ${row.dateFiled}; the file says ${inc.dateFiled} (staff date kept).`);
    }
    if (row.filedBy === null && inc.description) {
      const filedBy = filedByFromText(inc.description);
      if (filedBy) changes.filedBy = filedBy;
    }
  } else {
    const oldRank = RANK[row.source];
    const newRank = RANK[inc.source];
    const current = newRank === oldRank && notOlderThanLast(ctx, "entry", row.id, KIND_OF_SOURCE[inc.source]);
    const replaces = newRank > oldRank || current;
    if (
      inc.description &&
      inc.description !== row.description &&
      (newRank > oldRank || (current && normaliseText(inc.description) !== normaliseText(row.description)))
    ) {
      changes.description = inc.description;
      changes.originalText = inc.originalText;
      before = row.description;
      after = inc.description;
      details.push(`text replaced: ${SOURCE_WORDS[row.source]} → ${SOURCE_WORDS[inc.source]}`);
      const kind = entryKindFromText(inc.description);
      if (kind !== row.kind && (row.kind === "other" || newRank > oldRank)) changes.kind = kind;
      if (saysSealed(inc.description) && !row.sealed) {
        changes.sealed = true;
        details.push("sealed");
      }
      const filedBy = filedByFromText(inc.description);
      if (filedBy && row.filedBy === null) changes.filedBy = filedBy;
    } else if (inc.description && newRank < oldRank && normaliseText(inc.description) !== normaliseText(row.description)) {
      ctx.report.note(
        `${label}: the ${SOURCE_WORDS[inc.source]} differs from the stored ${SOURCE_WORDS[row.source]}, which is fuller and was kept.`,
      );
    }
    if (newRank > oldRank) {
      changes.source = inc.source;
      if (changes.originalText === undefined && inc.description) changes.originalText = inc.originalText;
      if (changes.description === undefined) details.push(`source ${SOURCE_WORDS[row.source]} → ${SOURCE_WORDS[inc.source]}`);
    }
    if (inc.dateFiled && inc.dateFiled !== row.dateFiled) {
      // An RSS-made entry's filing day was only the entered day; any filing date beats it.
      if (replaces || row.source === "rss" || row.source === "press") {
        changes.dateFiled = inc.dateFiled;
        details.push(`date filed ${row.dateFiled} → ${inc.dateFiled}`);
      } else {
        ctx.report.note(
          `${label}: the file says filed ${inc.dateFiled}; the stored ${SOURCE_WORDS[row.source]} says ${row.dateFiled} (kept).`,
        );
      }
    }
  }
  const dateNow = changes.dateFiled ?? row.dateFiled;
  if (inc.dateFiled && inc.dateFiled === dateNow && row.source !== "manual") {
    ctx.superseded.push({ type: "entry", id: row.id, field: "dateFiled" });
    ctx.fieldCitations.push({ type: "entry", id: row.id, field: "dateFiled", inferredReason: null });
  }
  const result = ctx.store.update("entry", row.id, changes, { ...ctx.write, reason: details.join("; ") || null });
  ctx.report.add({
    recordType: "entry",
    recordId: row.id,
    action: result.changed ? "updated" : "unchanged",
    label: entryLabel(result.row),
    details: result.changed ? details : [],
    ...(before !== undefined ? { before, after } : {}),
  });
  return result.row;
}

function mergeDocument(ctx: MergeContext, entry: EntryRow, doc: IncomingDocument): void {
  const label = `${entryLabel(entry)} ${doc.attachmentNumber === 0 ? "main document" : `attachment ${doc.attachmentNumber}`}`;
  const match = ctx.repo.documentsOfEntry(entry.id).find((d) => d.attachmentNumber === doc.attachmentNumber);
  if (!match) {
    const row = ctx.store.insert(
      "document",
      {
        entryId: entry.id,
        attachmentNumber: doc.attachmentNumber,
        description: doc.description,
        pageCount: doc.pageCount,
        fileSizeText: doc.fileSizeText,
        pacerDocId: doc.pacerDocId,
        pacerUrl: doc.pacerUrl,
        sealed: entry.sealed,
      },
      ctx.write,
    );
    const details = [doc.pageCount !== null ? `${doc.pageCount} pages` : null, doc.pacerUrl ? "PACER link (staff-only)" : null].filter(
      (d): d is string => d !== null,
    );
    ctx.report.add({ recordType: "document", recordId: row.id, action: "created", label, details });
    return;
  }
  if (match.deletedAt) {
    ctx.report.add({ recordType: "document", recordId: match.id, action: "unchanged", label, details: ["deleted by staff, left alone"] });
    return;
  }
  const changes: Partial<RecordInsert<"document">> = {};
  const details: string[] = [];
  for (const field of ["description", "pageCount", "fileSizeText", "pacerDocId", "pacerUrl"] as const) {
    if (match[field] === null && doc[field] !== null) {
      (changes as Record<string, unknown>)[field] = doc[field];
      details.push(field === "pacerUrl" ? "PACER link (staff-only)" : field === "pageCount" ? `${doc.pageCount} pages` : field);
    }
  }
  if (entry.sealed && !match.sealed) {
    changes.sealed = true;
    details.push("sealed");
  }
  const { changed } = ctx.store.update("document", match.id, changes, ctx.write);
  ctx.report.add({
    recordType: "document",
    recordId: match.id,
    action: changed ? "updated" : "unchanged",
    label,
    details: changed ? details : [],
  });
}

/** True when a stored motion's (fuzzy) filing date allows `day`. */
function dateAllows(motion: RecordRow<"motion">, day: string): boolean {
  if (motion.dateFiled === null) return true;
  return motion.dateFiled <= day && day <= (motion.dateFiledLatest ?? motion.dateFiled);
}

/**
 * An entry that brings a motion gets a motion record (once), and the motion its computed
 * deadlines. A motion already recorded without its entry (from the press) is linked instead
 * of duplicated. Sealed entries get none: a motion's title is public.
 */
function mergeMotion(ctx: MergeContext, entry: EntryRow): void {
  if (entry.sealed || entry.stricken) return;
  const reading = motionFromText(entry.description);
  if (!reading || isRoutineMotion(reading.title)) return;
  const motions = ctx.repo.motionsOfCase(entry.caseId);
  const linked = motions.find((m) => m.entryId === entry.id);
  if (linked) {
    ctx.report.add({ recordType: "motion", recordId: linked.id, action: "unchanged", label: `motion "${linked.title}"` });
    return;
  }
  let motion: RecordRow<"motion">;
  const unlinked = motions.filter((m) => m.entryId === null && !m.deletedAt && m.kind === reading.kind && dateAllows(m, entry.dateFiled));
  if (unlinked.length === 1) {
    const details = [`linked to ${entryLabel(entry)}`];
    const changes: Partial<RecordInsert<"motion">> = { entryId: entry.id };
    if (unlinked[0]!.dateFiled !== entry.dateFiled || unlinked[0]!.dateFiledPrecision !== "day") {
      Object.assign(changes, { dateFiled: entry.dateFiled, dateFiledPrecision: "day", dateFiledLatest: null, dateFiledLabel: null });
      details.push(`filed ${entry.dateFiled} per the docket`);
      ctx.superseded.push({ type: "motion", id: unlinked[0]!.id, field: "dateFiled" });
    }
    motion = ctx.store.update("motion", unlinked[0]!.id, changes, { ...ctx.write, reason: details.join("; ") }).row;
    ctx.report.add({ recordType: "motion", recordId: motion.id, action: "updated", label: `motion "${motion.title}"`, details });
  } else {
    motion = ctx.store.insert(
      "motion",
      {
        caseId: entry.caseId,
        entryId: entry.id,
        kind: reading.kind,
        title: reading.title,
        dateFiled: entry.dateFiled,
        dateFiledPrecision: "day",
        track: reading.track,
        status: "pending",
      },
      ctx.write,
    );
    ctx.report.add({
      recordType: "motion",
      recordId: motion.id,
      action: "created",
      label: `motion "${motion.title}"`,
      details: [`from ${entryLabel(entry)}`],
    });
  }
  const outcome = createMotionDeadlines({ db: ctx.db, store: ctx.store }, motion, { actor: ctx.write.actor });
  for (const d of outcome.created) {
    ctx.report.add({
      recordType: "deadline",
      recordId: d.id,
      action: "created",
      label: `deadline "${d.label}"`,
      details: [`due ${d.dateDue} (${d.ruleCitation ?? "rule"})`],
    });
  }
  for (const d of outcome.updated) {
    ctx.report.add({
      recordType: "deadline",
      recordId: d.id,
      action: "updated",
      label: `deadline "${d.label}"`,
      details: [`due ${d.dateDue}`],
    });
  }
}
