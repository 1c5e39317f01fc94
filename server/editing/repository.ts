import { and, asc, count, desc, eq, inArray, isNull, max, ne, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RECORD_TABLES, type EditableType, type RecordRow } from "../records/tables";

const column = (table: SQLiteTable, name: string) => (table as unknown as Record<string, SQLiteColumn | undefined>)[name];

/** A plain link table between two records: owner id → set of member ids; `add` writes one link with the table's own columns. */
const ID_SETS = {
  movants: {
    table: s.motionMovants,
    owner: s.motionMovants.motionId,
    member: s.motionMovants.partyId,
    add: (db: Db, motionId: number, partyId: number) => db.insert(s.motionMovants).values({ motionId, partyId }).run(),
  },
  partyAccounts: {
    table: s.partyAccounts,
    owner: s.partyAccounts.partyId,
    member: s.partyAccounts.accountId,
    add: (db: Db, partyId: number, accountId: number) => db.insert(s.partyAccounts).values({ partyId, accountId }).run(),
  },
  caseSubpoenas: {
    table: s.caseSubpoenas,
    owner: s.caseSubpoenas.caseId,
    member: s.caseSubpoenas.subpoenaId,
    add: (db: Db, caseId: number, subpoenaId: number) => db.insert(s.caseSubpoenas).values({ caseId, subpoenaId }).run(),
  },
  subpoenaAccounts: {
    table: s.subpoenaAccounts,
    owner: s.subpoenaAccounts.subpoenaId,
    member: s.subpoenaAccounts.accountId,
    add: (db: Db, subpoenaId: number, accountId: number) => db.insert(s.subpoenaAccounts).values({ subpoenaId, accountId }).run(),
  },
  argumentAuthorities: {
    table: s.argumentAuthorities,
    owner: s.argumentAuthorities.argumentId,
    member: s.argumentAuthorities.authorityId,
    add: (db: Db, argumentId: number, authorityId: number) => db.insert(s.argumentAuthorities).values({ argumentId, authorityId }).run(),
  },
} as const;
export type IdSetName = keyof typeof ID_SETS;

export type Disposition = { motionId: number; disposition: (typeof s.MOTION_STATUSES)[number] };
export type EventLink = { recordType: EditableType; recordId: string; role: "actor" | "subject" };

/**
 * The reads (and link-table writes) the write service needs. Record rows themselves are only
 * ever written through the record store; link tables have no revisions of their own, so the
 * service records them in the owning record's revision.
 */
export function createEditRepository(db: Db) {
  return {
    /** Any row of an editable type by id, deleted or not. */
    byId<T extends EditableType>(type: T, id: string | number): RecordRow<T> | undefined {
      const table = RECORD_TABLES[type];
      return db
        .select()
        .from(table)
        .where(eq(column(table, "id")!, id))
        .get() as RecordRow<T> | undefined;
    },

    bySlug<T extends EditableType>(type: T, slug: string): RecordRow<T> | undefined {
      const table = RECORD_TABLES[type];
      const slugColumn = column(table, "slug");
      return slugColumn ? (db.select().from(table).where(eq(slugColumn, slug)).get() as RecordRow<T> | undefined) : undefined;
    },

    hasColumn: (type: EditableType, name: string) => column(RECORD_TABLES[type], name) !== undefined,

    /** Whether another row (deleted ones too: a restore must not collide) already has this value. */
    valueTaken(type: EditableType, name: string, value: unknown, exceptId: string | number | null): boolean {
      const table = RECORD_TABLES[type];
      const where: SQL[] = [eq(column(table, name)!, value)];
      if (exceptId !== null) where.push(ne(column(table, "id")!, exceptId));
      return (
        db
          .select({ n: count() })
          .from(table)
          .where(and(...where))
          .get()!.n > 0
      );
    },

    lastEntrySequence(caseId: number): number | null {
      return (
        db
          .select({ last: max(s.docketEntries.sequence) })
          .from(s.docketEntries)
          .where(eq(s.docketEntries.caseId, caseId))
          .get()?.last ?? null
      );
    },

    entryNumbered(caseId: number, number: number, exceptId: number | null) {
      const where: SQL[] = [eq(s.docketEntries.caseId, caseId), eq(s.docketEntries.number, number), isNull(s.docketEntries.deletedAt)];
      if (exceptId !== null) where.push(ne(s.docketEntries.id, exceptId));
      return db
        .select({ id: s.docketEntries.id })
        .from(s.docketEntries)
        .where(and(...where))
        .get();
    },

    caseWithDocketNumber(courtId: string, core: string, exceptId: number | null) {
      const where: SQL[] = [eq(s.cases.courtId, courtId), eq(s.cases.docketNumberCore, core), isNull(s.cases.deletedAt)];
      if (exceptId !== null) where.push(ne(s.cases.id, exceptId));
      return db
        .select({ id: s.cases.id, slug: s.cases.slug })
        .from(s.cases)
        .where(and(...where))
        .get();
    },

    liveCitationsOfSource(sourceId: number): number {
      return db
        .select({ n: count() })
        .from(s.factSources)
        .where(and(eq(s.factSources.sourceId, sourceId), isNull(s.factSources.deletedAt)))
        .get()!.n;
    },

    idSet(name: IdSetName, ownerId: number): number[] {
      const link = ID_SETS[name];
      return db
        .select({ id: link.member })
        .from(link.table)
        .where(eq(link.owner, ownerId))
        .orderBy(asc(link.member))
        .all()
        .map((r) => r.id);
    },

    /** Adds and removes members so the set is `ids`; kept links keep their other columns (a note). */
    replaceIdSet(name: IdSetName, ownerId: number, ids: number[]): void {
      const link = ID_SETS[name];
      const current = new Set(this.idSet(name, ownerId));
      const wanted = new Set(ids);
      const gone = [...current].filter((id) => !wanted.has(id));
      if (gone.length)
        db.delete(link.table)
          .where(and(eq(link.owner, ownerId), inArray(link.member, gone)))
          .run();
      for (const id of ids) {
        if (current.has(id)) continue;
        link.add(db, ownerId, id);
      }
    },

    dispositionsOfOrder(orderId: number): Disposition[] {
      return db
        .select({ motionId: s.orderDispositions.motionId, disposition: s.orderDispositions.disposition })
        .from(s.orderDispositions)
        .where(eq(s.orderDispositions.orderId, orderId))
        .orderBy(asc(s.orderDispositions.motionId))
        .all();
    },

    replaceDispositions(orderId: number, items: Disposition[]): void {
      db.delete(s.orderDispositions).where(eq(s.orderDispositions.orderId, orderId)).run();
      for (const item of items)
        db.insert(s.orderDispositions)
          .values({ orderId, ...item })
          .run();
    },

    /** Live orders that dispose of a motion, latest signed last. */
    decisionsOfMotion(motionId: number) {
      return db
        .select({ orderId: s.orders.id, disposition: s.orderDispositions.disposition })
        .from(s.orderDispositions)
        .innerJoin(s.orders, eq(s.orders.id, s.orderDispositions.orderId))
        .where(and(eq(s.orderDispositions.motionId, motionId), isNull(s.orders.deletedAt)))
        .orderBy(asc(s.orders.dateSigned), asc(s.orders.id))
        .all();
    },

    liveCoverageOfOrder(orderId: number) {
      return db
        .select()
        .from(s.stayCoverages)
        .where(and(eq(s.stayCoverages.orderId, orderId), isNull(s.stayCoverages.deletedAt)))
        .orderBy(asc(s.stayCoverages.subpoenaId), asc(s.stayCoverages.accountId), asc(s.stayCoverages.id))
        .all();
    },

    demands(subpoenaId: number): string[] {
      return db
        .select({ item: s.subpoenaDemands.item })
        .from(s.subpoenaDemands)
        .where(and(eq(s.subpoenaDemands.subpoenaId, subpoenaId), isNull(s.subpoenaDemands.deletedAt)))
        .orderBy(asc(s.subpoenaDemands.position), asc(s.subpoenaDemands.id))
        .all()
        .map((r) => r.item);
    },

    /** The old list is hidden, not erased (its rows keep `deleted_at`), and the new one written in order. */
    replaceDemands(subpoenaId: number, items: string[], now: string): void {
      db.update(s.subpoenaDemands)
        .set({ deletedAt: now, updatedAt: now })
        .where(and(eq(s.subpoenaDemands.subpoenaId, subpoenaId), isNull(s.subpoenaDemands.deletedAt)))
        .run();
      items.forEach((item, position) =>
        db.insert(s.subpoenaDemands).values({ subpoenaId, position, item, createdAt: now, updatedAt: now }).run(),
      );
    },

    eventLinks(eventId: number): EventLink[] {
      return db
        .select({ recordType: s.eventLinks.recordType, recordId: s.eventLinks.recordId, role: s.eventLinks.role })
        .from(s.eventLinks)
        .where(eq(s.eventLinks.eventId, eventId))
        .orderBy(asc(s.eventLinks.recordType), asc(s.eventLinks.recordId), asc(s.eventLinks.role))
        .all() as EventLink[];
    },

    replaceEventLinks(eventId: number, links: EventLink[]): void {
      db.delete(s.eventLinks).where(eq(s.eventLinks.eventId, eventId)).run();
      for (const link of links)
        db.insert(s.eventLinks)
          .values({ eventId, ...link })
          .run();
    },

    revisions(type: EditableType, id: string | number) {
      return db
        .select()
        .from(s.revisions)
        .where(and(eq(s.revisions.recordType, type), eq(s.revisions.recordId, String(id))))
        .orderBy(asc(s.revisions.id))
        .all();
    },

    latestRevisionId(): number {
      return db.select({ id: s.revisions.id }).from(s.revisions).orderBy(desc(s.revisions.id)).limit(1).get()?.id ?? 0;
    },
  };
}

export type EditRepository = ReturnType<typeof createEditRepository>;
