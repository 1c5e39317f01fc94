import { and, asc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { prepareStatement, type Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic } from "../privacy/projection";
import { onRecordChange, type RecordChange } from "./changes";
import { publicCase, publicCaseIds, publicEvent, publicRow, publicSource } from "./public-scope";
import type { EditableType, RecordRow } from "./tables";

/*
 * The public search index (migration 0012) kept in step with the record: every write the record
 * store announces re-indexes the record it changed, in the write's transaction, from what the
 * public projection shows of it. A record the public may not see has no row, so nothing sealed,
 * held, unpublished, deleted or private can be found, whatever the query.
 */

/** The record kinds the public search finds. */
export const SEARCH_KINDS = { entry: 1, case: 4, subpoena: 5, order: 6, motion: 7, event: 8, source: 9 } as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

/*
 * A row's rowid is its record's id times 16 plus a code that says its kind and how much it
 * weighs in the ranking, so the ranking and a kind filter read the rowid only, never the row's
 * stored columns (which would cost a lookup per hit: on a common word, tens of thousands).
 * A docket entry's code also says whether it is a court's order (weighs double) or a routine
 * paper (a notice, a certificate of service, pro hac vice: half).
 */
export const ROWID_CODES = 16;
export const ENTRY_CODES = { normal: 1, order: 2, routine: 3 } as const;
/** The ranking weight of each code (server/public-search/repository.ts multiplies bm25 by it). */
export const CODE_WEIGHTS: Record<number, number> = { 1: 1, 2: 2, 3: 0.5, 4: 1.5, 5: 1.5, 6: 2, 7: 1, 8: 1, 9: 1 };
/** The codes a kind's rows may carry. */
export const codesOfKind = (kind: SearchKind): number[] => (kind === "entry" ? Object.values(ENTRY_CODES) : [SEARCH_KINDS[kind]]);

const rowidsOf = (kind: SearchKind, id: number) => codesOfKind(kind).map((code) => id * ROWID_CODES + code);

/** The token of the `scope` column (migration 0013) that says which case a row belongs to. */
export const caseScope = (caseId: number) => `c${caseId}`;

const ROUTINE = /certificate of service|pro hac vice/i;
function codeOf(doc: SearchDocument): number {
  if (doc.kind !== "entry") return SEARCH_KINDS[doc.kind];
  if (doc.entryKind === "order") return ENTRY_CODES.order;
  if (doc.entryKind === "notice" || ROUTINE.test(doc.body) || ROUTINE.test(doc.title)) return ENTRY_CODES.routine;
  return ENTRY_CODES.normal;
}

/** One row of the index: what a result shows and what its filters read. */
export type SearchDocument = {
  kind: SearchKind;
  id: number;
  title: string;
  body: string;
  caseId: number | null;
  date: string | null;
  entryKind: string | null;
};

const text = (...parts: (string | null | undefined)[]) => parts.filter((part): part is string => !!part && part.trim() !== "").join("\n");

type KindSpec = {
  /** The rows of this kind the public may see, among `where`, by id after `after`. */
  visible: (where: SQL | undefined, after: number, limit: number) => Record<string, unknown>[];
  document: (row: Record<string, unknown>) => SearchDocument | null;
  idColumn: SQLiteColumn;
};

function visibleRows(
  db: Db,
  table:
    typeof s.docketEntries | typeof s.cases | typeof s.subpoenas | typeof s.orders | typeof s.motions | typeof s.events | typeof s.sources,
  conditions: SQL[],
) {
  return (where: SQL | undefined, after: number, limit: number) =>
    db
      .select()
      .from(table as typeof s.cases)
      .where(and(gt((table as typeof s.cases).id, after), where, ...conditions))
      .orderBy(asc((table as typeof s.cases).id))
      .limit(limit)
      .all() as Record<string, unknown>[];
}

/** The record belongs to a case the public may see. */
function ofPublicCase(db: Db, caseId: SQLiteColumn): SQL {
  return inArray(caseId, publicCaseIds(db));
}

const specs = (db: Db): Record<SearchKind, KindSpec> => ({
  entry: {
    idColumn: s.docketEntries.id,
    visible: visibleRows(db, s.docketEntries, [
      publicRow(s.docketEntries),
      ofPublicCase(db, s.docketEntries.caseId),
      eq(s.docketEntries.sealed, false),
    ]),
    document: (row) => {
      const entry = toPublic("entry", row as RecordRow<"entry">);
      const number = entry.number == null ? null : `ECF No. ${entry.number}`;
      return {
        kind: "entry",
        id: entry.id,
        title: text(number, entry.shortDescription),
        body: text(entry.description),
        caseId: entry.caseId,
        date: entry.dateFiled,
        entryKind: entry.kind,
      };
    },
  },
  case: {
    idColumn: s.cases.id,
    visible: visibleRows(db, s.cases, [publicCase()]),
    document: (row) => {
      const kase = toPublic("case", row as RecordRow<"case">);
      return {
        kind: "case",
        id: kase.id,
        title: text(kase.caption ?? kase.label, kase.docketNumber),
        body: text(kase.summary, kase.statusNote, kase.nature, kase.cause),
        caseId: kase.id,
        date: kase.dateFiled,
        entryKind: null,
      };
    },
  },
  subpoena: {
    idColumn: s.subpoenas.id,
    visible: visibleRows(db, s.subpoenas, [publicRow(s.subpoenas)]),
    document: (row) => {
      const subpoena = toPublic("subpoena", row as RecordRow<"subpoena">);
      return {
        kind: "subpoena",
        id: subpoena.id,
        title: text(subpoena.title),
        body: text(subpoena.summary, subpoena.statedPurpose, subpoena.authorityCited, subpoena.issuingComponent),
        caseId: null,
        date: subpoena.dateIssued,
        entryKind: null,
      };
    },
  },
  order: {
    idColumn: s.orders.id,
    visible: visibleRows(db, s.orders, [publicRow(s.orders), ofPublicCase(db, s.orders.caseId)]),
    document: (row) => {
      const order = toPublic("order", row as RecordRow<"order">);
      return {
        kind: "order",
        id: order.id,
        title: text(order.title),
        body: text(order.summary, order.quotedText),
        caseId: order.caseId,
        date: order.dateSigned,
        entryKind: null,
      };
    },
  },
  motion: {
    idColumn: s.motions.id,
    visible: visibleRows(db, s.motions, [publicRow(s.motions), ofPublicCase(db, s.motions.caseId)]),
    document: (row) => {
      const motion = toPublic("motion", row as RecordRow<"motion">);
      return {
        kind: "motion",
        id: motion.id,
        title: text(motion.title),
        body: text(motion.reliefSought, motion.statusNote),
        caseId: motion.caseId,
        date: motion.dateFiled,
        entryKind: null,
      };
    },
  },
  event: {
    idColumn: s.events.id,
    visible: visibleRows(db, s.events, [publicRow(s.events), publicEvent(db)]),
    document: (row) => {
      const event = toPublic("event", row as RecordRow<"event">);
      return {
        kind: "event",
        id: event.id,
        title: text(event.title),
        body: text(event.description),
        caseId: event.caseId,
        date: event.date,
        entryKind: null,
      };
    },
  },
  source: {
    idColumn: s.sources.id,
    visible: visibleRows(db, s.sources, [publicRow(s.sources), publicSource(db)]),
    document: (row) => {
      const source = toPublic("source", row as RecordRow<"source">);
      return {
        kind: "source",
        id: source.id,
        title: text(source.title),
        body: text(source.description, source.publisher),
        caseId: null,
        date: source.datePublished,
        entryKind: null,
      };
    },
  },
});

const specCache = new WeakMap<Db, Record<SearchKind, KindSpec>>();
const specsOf = (db: Db) => {
  let found = specCache.get(db);
  if (!found) specCache.set(db, (found = specs(db)));
  return found;
};

const statementCache = new WeakMap<Db, ReturnType<typeof prepareStatements>>();
const statements = (db: Db) => {
  let found = statementCache.get(db);
  if (!found) statementCache.set(db, (found = prepareStatements(db)));
  return found;
};

function prepareStatements(db: Db) {
  return {
    remove: prepareStatement(db, "DELETE FROM public_search_fts WHERE rowid = ?"),
    insert: prepareStatement(
      db,
      "INSERT INTO public_search_fts (rowid, title, body, scope, kind, record_id, case_id, date, entry_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    has: prepareStatement(db, "SELECT 1 FROM public_search_fts WHERE rowid = ?"),
  };
}

function writeDocument(db: Db, doc: SearchDocument): void {
  statements(db).insert.run(
    doc.id * ROWID_CODES + codeOf(doc),
    doc.title,
    doc.body,
    doc.caseId === null ? "" : caseScope(doc.caseId),
    doc.kind,
    doc.id,
    doc.caseId,
    doc.date,
    doc.entryKind,
  );
}

/** Re-indexes one record: its row goes, and comes back if the public may see it. */
export function indexRecord(db: Db, kind: SearchKind, id: number): void {
  for (const rowid of rowidsOf(kind, id)) statements(db).remove.run(rowid);
  const spec = specsOf(db)[kind];
  const [row] = spec.visible(eq(spec.idColumn, id), 0, 1);
  const doc = row ? spec.document(row) : null;
  if (doc) writeDocument(db, doc);
}

/** The kinds whose rows hang on a case's visibility, and the column naming their case. */
const CASE_CHILDREN: [SearchKind, SQLiteColumn][] = [
  ["entry", s.docketEntries.caseId],
  ["order", s.orders.caseId],
  ["motion", s.motions.caseId],
];

const BATCH = 1000;

/** Re-indexes every record of `kind` matching `where` (all of them without one), a batch at a time. */
function indexAll(db: Db, kind: SearchKind, where?: SQL): void {
  const spec = specsOf(db)[kind];
  const { remove } = statements(db);
  // Rows that are no longer visible must go too: walk the table's ids, not only the visible ones.
  const table = spec.idColumn.table;
  let after = 0;
  for (;;) {
    const ids = db
      .select({ id: spec.idColumn })
      .from(table)
      .where(and(gt(spec.idColumn, after), where))
      .orderBy(asc(spec.idColumn))
      .limit(BATCH)
      .all()
      .map((row) => row.id as number);
    if (ids.length === 0) break;
    for (const id of ids) for (const rowid of rowidsOf(kind, id)) remove.run(rowid);
    const first = ids[0]! - 1;
    const last = ids[ids.length - 1]!;
    for (const row of spec.visible(and(where, lte(spec.idColumn, last)), first, BATCH)) {
      const doc = spec.document(row);
      if (doc) writeDocument(db, doc);
    }
    after = last;
  }
}

/** A case's caption and whether it is public decide its records' rows: re-index them when that changes. */
function indexCase(db: Db, caseId: number): void {
  const wasPublic = statements(db).has.get(rowidsOf("case", caseId)[0]) !== undefined;
  indexRecord(db, "case", caseId);
  const isPublic = statements(db).has.get(rowidsOf("case", caseId)[0]) !== undefined;
  if (wasPublic === isPublic) return;
  for (const [kind, caseColumn] of CASE_CHILDREN) indexAll(db, kind, eq(caseColumn, caseId));
  // An event is hidden by any hidden case it belongs to or is linked to (publicEvent), and a
  // source made by an import is public only with one of the cases it touched: both are re-read whole.
  indexAll(db, "event");
  indexAll(db, "source");
}

const KIND_OF_TYPE: Partial<Record<EditableType, SearchKind>> = {
  entry: "entry",
  case: "case",
  subpoena: "subpoena",
  order: "order",
  motion: "motion",
  event: "event",
  source: "source",
};

function indexChange(db: Db, change: RecordChange): void {
  const id = Number(change.id);
  if (!Number.isInteger(id)) return;
  const kind = KIND_OF_TYPE[change.type];
  if (kind === "case") indexCase(db, id);
  else if (kind) indexRecord(db, kind, id);
  // An event's links decide whether it tells of a hidden case; a link change comes as the event's own write.
}

const installed = new WeakSet<Db>();

/** Makes every write the record store announces on this database keep the public index in step. Safe to call more than once. */
export function keepPublicSearchInStep(db: Db): void {
  if (installed.has(db)) return;
  installed.add(db);
  onRecordChange(db, (change) => indexChange(db, change));
}

/** Fills the index from the record, from nothing, in one transaction. */
export function rebuildPublicSearch(db: Db, now: string): void {
  db.transaction(() => {
    db.run(sql`DELETE FROM public_search_fts`);
    for (const kind of Object.keys(SEARCH_KINDS) as SearchKind[]) indexAll(db, kind);
    db.run(
      sql`INSERT INTO public_search_state (id, built_at) VALUES (1, ${now}) ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at`,
    );
  });
}

/** Whether the index was ever filled on this database (one made before migration 0012 was not). */
export function publicSearchBuilt(db: Db): boolean {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM public_search_state`)!.n > 0;
}
