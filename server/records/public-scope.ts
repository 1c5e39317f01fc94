import { and, eq, exists, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { PUBLIC_FIELDS } from "../privacy/projection";
import { caseNotPublicCause, type NotPublicCause } from "../privacy/visibility";
import { selectById } from "./statements";
import { RECORD_TABLES, type EditableType } from "./tables";

/*
 * The rules of server/privacy/visibility.ts as SQL conditions, for the repositories behind
 * public surfaces: a public list must leave out what the public may not see *before* its
 * LIMIT, so the filtering cannot happen in JavaScript afterwards. Each condition names the
 * rule it implements; change a rule there and here together.
 */

type PublicField<T extends EditableType> = (typeof PUBLIC_FIELDS)[T][number] & keyof (typeof RECORD_TABLES)[T];

/**
 * The columns of a record type the public projection reads (its PUBLIC_FIELDS), for a select
 * whose rows only ever go through toPublic: no private column leaves the database, and a page
 * reads a third fewer values (each one SQLite hands to JavaScript costs time).
 */
export function publicColumns<T extends EditableType>(type: T): { [K in PublicField<T>]: (typeof RECORD_TABLES)[T][K] } {
  let columns = publicColumnsOf.get(type);
  if (!columns) {
    const table = RECORD_TABLES[type] as unknown as Record<string, SQLiteColumn>;
    columns = Object.fromEntries(PUBLIC_FIELDS[type].map((field) => [field, table[field]!]));
    publicColumnsOf.set(type, columns);
  }
  return columns as { [K in PublicField<T>]: (typeof RECORD_TABLES)[T][K] };
}
const publicColumnsOf = new Map<EditableType, Record<string, SQLiteColumn>>();

/** No open hold of the publication guard names this record (the `held` cause). */
export function notHeld(type: EditableType, id: SQLiteColumn): SQL {
  const h = s.publicationHolds;
  // record_id is text: comparing it with the integer id as is would apply numeric affinity to
  // it and keep SQLite off publication_holds_record_idx, so every row checked would read every hold.
  return sql`not exists (select 1 from ${h} where ${h.status} = 'held' and ${h.recordType} = ${type} and ${h.recordId} = cast(${id} as text))`;
}

const typeOfTable = new Map<SQLiteTable, EditableType>(
  (Object.entries(RECORD_TABLES) as [EditableType, SQLiteTable][]).map(([type, table]) => [table, type]),
);

/**
 * A row of any record table the public may list, as far as the row itself goes: not deleted
 * and not held by the publication guard. Public repositories use it for every record table
 * where they filter deletions; whether its case is public is publicCase's or notOfHiddenCase's to say.
 */
export function publicRow<T extends SQLiteTable & { deletedAt: SQLiteColumn }>(table: T): SQL {
  const type = typeOfTable.get(table);
  const id = (table as unknown as { id?: SQLiteColumn }).id;
  return type && id ? and(isNull(table.deletedAt), notHeld(type, id))! : isNull(table.deletedAt);
}

/** A `cases` row the public may see (isPublicCase): live, published, not sealed, and not held for review. */
export function publicCase(): SQL {
  return and(isNull(s.cases.deletedAt), eq(s.cases.published, true), eq(s.cases.sealed, false), notHeld("case", s.cases.id))!;
}

/**
 * The case a row names is one the public may see (publicCase), as a condition on the row alone:
 * a list read in its order from an index of its own table keeps that walk, where a join to
 * `cases` lets SQLite start from the cases and sort what it finds.
 */
export function ofPublicCase(db: Db, caseId: SQLiteColumn): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(s.cases)
      .where(and(eq(s.cases.id, caseId), publicCase())),
  );
}

/** Ids of the public cases, as a subquery (`inArray(x.caseId, publicCaseIds(db))`). */
export function publicCaseIds(db: Db) {
  return db.select({ id: s.cases.id }).from(s.cases).where(publicCase());
}

/**
 * The live cases the public may not see (live, and not publicCase: unpublished, sealed or held),
 * whose records are hidden, not merely unlinked as a deleted case's are. Read as the two ways a
 * live case is hidden, each from an index of the few it names: the unpublished or sealed ones
 * from cases_hidden_idx (partial on this very condition, written out so SQLite can match it),
 * the held ones from their holds. As one NOT over publicCase it read every case, on every
 * statement that asks (each of the timeline's), however few are hidden.
 */
const hiddenLiveCaseIds = (db: Db) => {
  const h = s.publicationHolds;
  const unpublishedOrSealed = db.select({ id: s.cases.id }).from(s.cases).where(s.hiddenCaseCondition(s.cases));
  const held = db
    .select({ id: s.cases.id })
    .from(h)
    .innerJoin(s.cases, sql`${s.cases.id} = cast(${h.recordId} as integer)`)
    // As notHeld matches a hold: the id's text exactly.
    .where(
      sql`${h.status} = 'held' and ${h.recordType} = 'case' and ${h.recordId} = cast(${s.cases.id} as text) and ${s.cases.deletedAt} is null`,
    );
  // UNION ALL: a case both unpublished and held is named twice, which NOT IN does not mind, and nothing sorts them.
  return unpublishedOrSealed.unionAll(held);
};

/** A nullable case id that names no live case the public may not see (a record of no case, or of a public or deleted one). */
export function notOfHiddenCase(db: Db, caseId: SQLiteColumn): SQL {
  return or(isNull(caseId), not(inArray(caseId, hiddenLiveCaseIds(db))))!;
}

/**
 * An event the public may see, as far as cases go: it belongs to no hidden case and no
 * event link names one (an event "about" an unpublished case tells of it).
 */
export function publicEvent(db: Db): SQL {
  const linkedToHidden = db
    .select({ one: sql`1` })
    .from(s.eventLinks)
    .where(
      and(
        eq(s.eventLinks.eventId, s.events.id),
        eq(s.eventLinks.recordType, "case"),
        inArray(sql`cast(${s.eventLinks.recordId} as integer)`, hiddenLiveCaseIds(db)),
      ),
    );
  return and(notOfHiddenCase(db, s.events.caseId), not(exists(linkedToHidden)))!;
}

/**
 * A judge the public may see: one no live case or order names (entered by staff), or one a
 * public case or order names. A judge only unpublished cases name came with them, and stays
 * out of the judges list until one of them is published.
 */
export function publicJudge(db: Db): SQL {
  // Each exists is driven from the judge's own rows (cases_assigned_judge_idx,
  // cases_referred_judge_idx, orders_judge_idx, migration 0017): an OR of the two case columns
  // in one exists, or an order joined to its case, had SQLite read every case for every judge.
  const caseNaming = (column: SQLiteColumn, only: SQL | undefined) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(s.cases)
        .where(and(eq(column, s.judges.id), isNull(s.cases.deletedAt), only)),
    );
  const names = (only: SQL | undefined) => [
    or(caseNaming(s.cases.assignedJudgeId, only), caseNaming(s.cases.referredJudgeId, only))!,
    exists(
      db
        .select({ one: sql`1` })
        .from(s.orders)
        .where(
          and(
            eq(s.orders.judgeId, s.judges.id),
            isNull(s.orders.deletedAt),
            exists(
              db
                .select({ one: sql`1` })
                .from(s.cases)
                .where(and(eq(s.cases.id, s.orders.caseId), isNull(s.cases.deletedAt), only)),
            ),
          ),
        ),
    ),
  ];
  const [anyCase, anyOrder] = names(undefined);
  const [publicCaseLink, publicOrderLink] = names(publicCase());
  return or(and(not(anyCase!), not(anyOrder!)), publicCaseLink, publicOrderLink)!;
}

/**
 * A source the public may see: any source not made by an import, and the source of an
 * import only when one of the cases that import touched is public ("PACER docket report
 * for case 3:09-cr-00418" names the case it came with).
 */
export function publicSource(db: Db): SQL {
  const madeByImport = db
    .select({ one: sql`1` })
    .from(s.imports)
    .where(eq(s.imports.sourceId, s.sources.id));
  const ofPublicCase = db
    .select({ one: sql`1` })
    .from(s.imports)
    .innerJoin(s.importRecords, and(eq(s.importRecords.importId, s.imports.id), eq(s.importRecords.recordType, "case")))
    .innerJoin(s.cases, eq(s.cases.id, sql`cast(${s.importRecords.recordId} as integer)`))
    .where(and(eq(s.imports.sourceId, s.sources.id), publicCase()));
  return or(not(exists(madeByImport)), exists(ofPublicCase))!;
}

/** An attorney the public may see: named by no live representation, or by one in a public case. */
function publicAttorney(db: Db): SQL {
  const representations = (only: SQL | undefined) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(s.representations)
        .innerJoin(s.parties, eq(s.parties.id, s.representations.partyId))
        .innerJoin(s.cases, eq(s.cases.id, s.parties.caseId))
        .where(and(eq(s.representations.attorneyId, s.attorneys.id), isNull(s.representations.deletedAt), isNull(s.cases.deletedAt), only)),
    );
  return or(not(representations(undefined)), representations(publicCase()))!;
}

type Row = Record<string, unknown>;

/** Whether the publication guard holds the record right now. */
function isHeld(db: Db, type: EditableType, id: string | number): boolean {
  const h = s.publicationHolds;
  return (
    db
      .select({ id: h.id })
      .from(h)
      .where(and(eq(h.status, "held"), eq(h.recordType, type), eq(h.recordId, String(id))))
      .get() !== undefined
  );
}

const rowOf = (db: Db, type: EditableType, id: string | number): Row | undefined => selectById(db, RECORD_TABLES[type], id);

/** The case a record belongs to (directly or through its parent), or null for records of no case. */
export function owningCaseId(db: Db, type: EditableType, row: Row): number | null {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const parentCase = (parentType: EditableType, id: unknown): number | null => {
    if (id === null || id === undefined) return null;
    const parent = rowOf(db, parentType, id as number);
    return parent ? owningCaseId(db, parentType, parent) : null;
  };
  switch (type) {
    case "case":
      return num(row.id);
    case "entry":
    case "party":
    case "motion":
    case "order":
    case "hearing":
    case "deadline":
    case "event":
      return num(row.caseId);
    case "document":
      return parentCase("entry", row.entryId);
    case "representation":
      return parentCase("party", row.partyId);
    case "coverage":
      return parentCase("order", row.orderId);
    case "argument":
      return parentCase("motion", row.motionId) ?? parentCase("entry", row.entryId);
    case "cite":
      return parentCase("document", row.documentId);
    case "fact_source":
      return (row.recordType as string) in RECORD_TABLES ? parentCase(row.recordType as EditableType, row.recordId) : null;
    default:
      return null;
  }
}

/**
 * How the public may see one record of any type: `full` (its allow-listed fields, through the
 * projection), `placeholder` (only the placeholder `toPublic` gives: an entry, a document or a
 * party whose name is sealed; never index or export its text) or `hidden`, with the cause.
 * For surfaces that take records one at a time: public search, exports, a sitemap, the
 * records a conflict names. A record of a case follows its case; a judge, source or attorney
 * that only hidden cases name is hidden with them.
 */
export function publicFormOfRecord(
  db: Db,
  type: EditableType,
  id: string | number,
): { form: "full" | "placeholder" | "hidden"; cause: NotPublicCause | null } {
  const hidden = (cause: NotPublicCause) => ({ form: "hidden" as const, cause });
  const row = rowOf(db, type, id);
  if (!row || row.deletedAt) return hidden("deleted");
  if (isHeld(db, type, id)) return hidden("held");
  const caseId = owningCaseId(db, type, row);
  if (caseId !== null && isHeld(db, "case", caseId)) return hidden("held");
  if (caseId !== null) {
    const kase = db.select().from(s.cases).where(eq(s.cases.id, caseId)).get();
    const cause = kase ? caseNotPublicCause(kase) : null;
    // A record linked to a deleted case (an event) outlives it; one that belongs to it goes with it.
    const outlives = cause === "deleted" && (type === "event" || type === "deadline");
    if (cause && !outlives) return hidden(cause);
  }
  const entrySealed = (entryId: unknown) => entryId != null && Boolean(rowOf(db, "entry", entryId as number)?.sealed);
  if (
    (type === "entry" && row.sealed) ||
    (type === "document" && (row.sealed || entrySealed(row.entryId))) ||
    (type === "party" && row.nameSealed)
  ) {
    return { form: "placeholder", cause: "sealed" };
  }
  const visible = (table: typeof s.judges | typeof s.sources | typeof s.attorneys | typeof s.events, condition: SQL) =>
    db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, Number(id)), condition))
      .get() !== undefined;
  if (type === "judge" && !visible(s.judges, publicJudge(db))) return hidden("unpublished");
  if (type === "source" && !visible(s.sources, publicSource(db))) return hidden("unpublished");
  if (type === "attorney" && !visible(s.attorneys, publicAttorney(db))) return hidden("unpublished");
  if (type === "event" && !visible(s.events, publicEvent(db))) return hidden("unpublished");
  return { form: "full", cause: null };
}

/** Why the public may not see a record in full, or null when it may (publicFormOfRecord's cause). */
export function publicCauseOfRecord(db: Db, type: EditableType, id: string | number): NotPublicCause | null {
  return publicFormOfRecord(db, type, id).cause;
}
