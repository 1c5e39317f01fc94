import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { revisions } from "../../db/schema";
import { ConflictError, NotFoundError, VersionConflictError } from "../errors";
import { guardRecordWrite, type GuardWrite } from "../guard/check";
import type { Clock } from "../shared/clock";
import { affectedCases } from "./affected-cases";
import { emitRecordChange } from "./changes";
import { keepPublicSearchInStep } from "./public-search-index";
import { insertReturning, selectById, updateIfVersion } from "./statements";
import { RECORD_TABLES, type EditableType, type RecordInsert, type RecordRow } from "./tables";

/** Who makes a change: a signed-in user, or a named process ("seed", "import #4", "cli"). */
export type Actor = { userId: number | null; label: string };

export type WriteOptions = {
  actor: Actor;
  reason?: string | null;
  /** The version the edit started from; a newer stored version refuses the write. */
  expectedVersion?: number;
  /**
   * Link-table rows that belong to the record (a motion's movants, an order's dispositions),
   * as the edit found and left them. They are kept in the revision under `$links`, and a
   * change to them alone still counts as an update: new version, new revision.
   */
  links?: { before: Record<string, unknown> | null; after: Record<string, unknown> };
};

/** The key under which a revision's JSON keeps the record's link-table rows. */
export const LINKS_KEY = "$links";

type AnyRow = Record<string, unknown> & { version: number; deletedAt: string | null };

/**
 * The one way records change. Every create, update, delete and restore writes a revision
 * (who, when, before, after, reason) in the same transaction as the change, bumps the
 * record's version, tells the page cache which cases it touched, and lets the publication
 * guard hold back what must not be published (server/guard/check.ts).
 *
 * `guard` is always the publication guard, except in bench/guard-cost.ts, whose reference run
 * passes a no-op to measure what the guard costs a write; test/guard/store-seam.test.ts fails
 * if anything else passes one.
 */
export function createRecordStore(db: Db, clock: Clock, guard: (write: GuardWrite) => unknown = guardRecordWrite) {
  // The public search index follows every write this store (or the review service) announces.
  keepPublicSearchInStep(db);
  const tableOf = (type: EditableType) => RECORD_TABLES[type];

  function load(type: EditableType, id: string | number): AnyRow | undefined {
    return selectById(db, tableOf(type), id) as AnyRow | undefined;
  }

  function writeRevision(
    type: EditableType,
    id: string | number,
    action: "create" | "update" | "delete" | "restore",
    before: AnyRow | null,
    after: AnyRow,
    options: WriteOptions,
  ) {
    insertReturning(db, revisions, {
      recordType: type,
      recordId: String(id),
      action,
      userId: options.actor.userId,
      actor: options.actor.label,
      at: clock.now(),
      before: before ? JSON.stringify(withLinks(before, options.links?.before)) : null,
      after: JSON.stringify(withLinks(after, options.links?.after)),
      reason: options.reason ?? null,
      version: after.version,
    });
    const caseIds = affectedCases(db, type, after);
    if (action !== "delete") {
      // The publication guard sees every write, whoever makes it, in the write's transaction, and
      // before the change is announced: what keeps in step with changes (the page cache, a public
      // index) must already find the record held.
      const caseId = Array.isArray(caseIds) ? (caseIds[0] ?? null) : null;
      guard({ db, now: clock.now(), type, row: after, actor: options.actor, links: options.links?.after, caseId });
    }
    // A record moved to another case leaves the pages of the case it was in too (an order's own
    // page is stored under its case, and would go on showing it there).
    const movedFrom = before ? affectedCases(db, type, before) : [];
    const touched = caseIds === "all" || movedFrom === "all" ? "all" : [...new Set([...caseIds, ...movedFrom])];
    emitRecordChange(db, { type, id, caseIds: touched });
  }

  function requireCurrent(type: EditableType, id: string | number, options: WriteOptions): AnyRow {
    const current = load(type, id);
    if (!current) throw new NotFoundError(`No ${type} with id ${id}.`);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new VersionConflictError(type, id, options.expectedVersion, current.version);
    }
    return current;
  }

  function changedFields(current: AnyRow, changes: Record<string, unknown>): Record<string, unknown> {
    const changed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (!sameValue(current[key], value)) changed[key] = value;
    }
    return changed;
  }

  function setRow(type: EditableType, id: string | number, values: Record<string, unknown>, current: AnyRow): AnyRow {
    const next = { ...values, version: current.version + 1, updatedAt: clock.now() };
    // The version in the WHERE clause makes the check and the write one atomic step: another
    // process that committed since we read the row makes this change nothing, and we refuse.
    if (updateIfVersion(db, tableOf(type), id, current.version, next) === 0) {
      const now = load(type, id);
      throw new VersionConflictError(type, id, current.version, now?.version ?? current.version);
    }
    return load(type, id)!;
  }

  return {
    find<T extends EditableType>(type: T, id: string | number): RecordRow<T> | undefined {
      return load(type, id) as RecordRow<T> | undefined;
    },

    insert<T extends EditableType>(type: T, values: RecordInsert<T>, options: WriteOptions): RecordRow<T> {
      return db.transaction(() => {
        const now = clock.now();
        const row = insertReturning(db, tableOf(type), { ...values, createdAt: now, updatedAt: now, version: 1 }) as AnyRow;
        writeRevision(type, row.id as string | number, "create", null, row, options);
        return row as RecordRow<T>;
      });
    },

    /** Applies the changed fields only; a change that changes nothing writes nothing. */
    update<T extends EditableType>(
      type: T,
      id: string | number,
      changes: Partial<RecordInsert<T>>,
      options: WriteOptions,
    ): { row: RecordRow<T>; changed: boolean } {
      return db.transaction(() => {
        const current = requireCurrent(type, id, options);
        const changed = changedFields(current, changes as Record<string, unknown>);
        if (Object.keys(changed).length === 0 && !linksChanged(options)) return { row: current as RecordRow<T>, changed: false };
        const after = setRow(type, id, changed, current);
        writeRevision(type, id, "update", current, after, options);
        return { row: after as RecordRow<T>, changed: true };
      });
    },

    /** Hides a record; it stays in the database and can be restored. Docket entries are stricken instead. */
    remove<T extends EditableType>(type: T, id: string | number, options: WriteOptions): RecordRow<T> {
      if (type === "entry") throw new ConflictError("Docket entries are never deleted; strike the entry instead.");
      return db.transaction(() => {
        const current = requireCurrent(type, id, options);
        if (current.deletedAt) return current as RecordRow<T>;
        const after = setRow(type, id, { deletedAt: clock.now() }, current);
        writeRevision(type, id, "delete", current, after, options);
        return after as RecordRow<T>;
      });
    },

    restore<T extends EditableType>(type: T, id: string | number, options: WriteOptions): RecordRow<T> {
      return db.transaction(() => {
        const current = requireCurrent(type, id, options);
        if (!current.deletedAt) return current as RecordRow<T>;
        const after = setRow(type, id, { deletedAt: null }, current);
        writeRevision(type, id, "restore", current, after, options);
        return after as RecordRow<T>;
      });
    },

    /** Puts back the field values a record had after an earlier revision, as a new revision. */
    revertTo<T extends EditableType>(type: T, id: string | number, revisionId: number, options: WriteOptions): RecordRow<T> {
      return db.transaction(() => {
        const revision = db
          .select()
          .from(revisions)
          .where(and(eq(revisions.id, revisionId), eq(revisions.recordType, type), eq(revisions.recordId, String(id))))
          .get();
        if (!revision?.after) throw new NotFoundError(`No revision ${revisionId} of this ${type}.`);
        const current = requireCurrent(type, id, options);
        // Link rows are not columns; a revert puts back the record's own fields only.
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, [LINKS_KEY]: _l, ...old } = JSON.parse(revision.after) as AnyRow;
        const changed = changedFields(current, old);
        // The write service may put back link rows too (options.links); that alone is a change.
        if (Object.keys(changed).length === 0 && !linksChanged(options)) return current as RecordRow<T>;
        const after = setRow(type, id, changed, current);
        writeRevision(type, id, changed.deletedAt === null ? "restore" : "update", current, after, {
          ...options,
          reason: options.reason ?? `restored revision ${revisionId}`,
        });
        return after as RecordRow<T>;
      });
    },

    revisionsOf(type: EditableType, id: string | number) {
      return db
        .select()
        .from(revisions)
        .where(and(eq(revisions.recordType, type), eq(revisions.recordId, String(id))))
        .orderBy(asc(revisions.id))
        .all();
    },
  };
}

export type RecordStore = ReturnType<typeof createRecordStore>;

function withLinks(row: AnyRow, links: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return links ? { ...row, [LINKS_KEY]: links } : row;
}

function linksChanged(options: WriteOptions): boolean {
  return options.links !== undefined && JSON.stringify(options.links.before) !== JSON.stringify(options.links.after);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return false;
}
