import type { Db } from "../../db/client";
import { EDIT_TYPES, type EditType } from "../editing/definition";
import { RECORD_DEFINITIONS } from "../editing/records";
import type { EditService } from "../editing/service";
import { isEditableType, type EditableType } from "../records/tables";
import { referencedRecords } from "./diff";
import { createHistoryRepository, type RevisionRow } from "./repository";

type Row = Record<string, unknown>;

export type ParsedRevision = Omit<RevisionRow, "before" | "after"> & { before: Row | null; after: Row | null };

export type HistoryData = {
  type: EditableType;
  row: Row;
  /** Oldest first. */
  revisions: ParsedRevision[];
  /** "type:id" → name of every record the revisions point to. */
  names: Map<string, string>;
  /** The case the record belongs to (directly, or through its docket entry). */
  kase: Row | undefined;
  /** A document's docket entry. */
  entry: Row | undefined;
};

export function parseRevision(r: RevisionRow): ParsedRevision {
  return { ...r, before: r.before ? (JSON.parse(r.before) as Row) : null, after: r.after ? (JSON.parse(r.after) as Row) : null };
}

/** A record, deleted or not, with every revision; undefined for an unknown type or id. */
export function loadHistory(db: Db, type: string, id: string): HistoryData | undefined {
  if (!isEditableType(type)) return undefined;
  const repo = createHistoryRepository(db);
  const row = repo.record(type, id);
  if (!row) return undefined;
  const revisions = repo.revisionsOf(type, [String(row.id)]).map(parseRevision);
  const entry = type === "document" ? repo.entryOf(row.entryId) : undefined;
  const kase = type === "case" ? row : repo.caseOf(entry?.caseId ?? row.caseId);
  const names = repo.names(referencedRecords(revisions.flatMap((r) => [r.before, r.after])));
  return { type, row, revisions, names, kase, entry };
}

export type DeletedItem = {
  type: EditableType;
  row: Row;
  /** Entries are never deleted, only stricken. */
  stricken: boolean;
  /** The revision that deleted (or struck) it, when there is one. */
  revision: ParsedRevision | undefined;
};

export type DeletedData = { items: DeletedItem[]; names: Map<string, string>; total: number; shown: number };

/** How many hidden records the page lists, newest first; `total` says how many there are. */
export const DELETED_SHOWN = 500;

const struck = (r: ParsedRevision) => r.after?.stricken === true && r.before?.stricken !== true;

/** Every hidden record and every stricken entry, with the revision that hid it. */
export function loadDeleted(db: Db): DeletedData {
  const repo = createHistoryRepository(db);
  const deleted = repo.deletedRecords(DELETED_SHOWN);
  const struckEntries = repo.strickenEntries(DELETED_SHOWN);
  const hidden = deleted.items.map(({ type, row }) => ({ type, row, stricken: false }));
  const stricken = struckEntries.rows.map((row) => ({ type: "entry" as const, row: row as Row, stricken: true }));
  const all = [...hidden, ...stricken];
  const key = (type: string, id: unknown) => `${type}:${String(id)}`;
  const itemByKey = new Map(all.map((item) => [key(item.type, item.row.id), item]));
  const byType = new Map<EditableType, string[]>();
  for (const item of all) byType.set(item.type, [...(byType.get(item.type) ?? []), String(item.row.id)]);
  const last = new Map<string, ParsedRevision>();
  for (const [type, ids] of byType) {
    for (const revision of repo.revisionsOf(type, ids).map(parseRevision)) {
      const item = itemByKey.get(key(type, revision.recordId));
      const counts = item?.stricken ? struck(revision) : revision.action === "delete";
      if (counts) last.set(key(type, revision.recordId), revision);
    }
  }
  const items = all.map((item) => ({ ...item, revision: last.get(key(item.type, item.row.id)) }));
  // Name the case of records that belong to one, and the entry of a document.
  const names = repo.names(
    all.flatMap(({ row }) => [
      ...(typeof row.caseId === "number" ? [{ type: "case", id: String(row.caseId) }] : []),
      ...(typeof row.entryId === "number" ? [{ type: "entry", id: String(row.entryId) }] : []),
    ]),
  );
  return { items, names, total: deleted.total + struckEntries.total, shown: DELETED_SHOWN };
}

/** A record's link sets as they are now (movants, dispositions…), for types that have them. */
export function currentLinksOf(editing: EditService, type: EditableType, id: number): Row | undefined {
  if (!(EDIT_TYPES as readonly string[]).includes(type)) return undefined;
  const fields = RECORD_DEFINITIONS[type as EditType].links?.fields;
  const record = fields ? editing.find(type as EditType, id) : undefined;
  return fields && record ? Object.fromEntries(fields.map((field) => [field, record[field]])) : undefined;
}
