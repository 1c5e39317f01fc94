import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, lte, not, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { readFuzzyDatePage, readPreparedFuzzyDatePage, type FuzzyDateKey, type FuzzyDatePageBounds } from "../records/fuzzy-date-page";
import { bindList, ID_BUCKETS, paddedList, placeholderList, preparedQuery } from "../records/prepared";
import { ofPublicCase, publicCase, publicRow } from "../records/public-scope";

/**
 * Looks up rows for a list of order ids a slice at a time, each slice padded (prepared.ts
 * paddedList) so one prepared statement serves every list of its bucket: the orders page names
 * every order of the record, and SQLite refuses a statement binding more than ~32,766 values.
 */
function inSlices<T>(ids: number[], read: (slice: number[]) => T[], idOf: (row: T) => number): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...read(paddedList(ids.slice(i, i + SLICE))));
  return ids.length > SLICE ? out.sort((a, b) => idOf(a) - idOf(b)) : out;
}

/** Ids per statement: the largest of prepared.ts's ID_BUCKETS. */
const SLICE = ID_BUCKETS.at(-1)!;

/** An order's place in the list: [day signed or null, precision rank, id] (shared/date-ordering). */
export type OrderKey = FuzzyDateKey;

const LIST_ORDER = { date: s.orders.dateSigned, precision: s.orders.dateSignedPrecision, id: s.orders.id };

/**
 * What the API's order list may be filtered by, as its parameters send it (api/lists.ts
 * sentFilters): every set of values must hold the order's (any of them), every date bound its
 * day signed. The meaning is the in-memory filters' of server/api/register-routes.ts, on the same
 * public records: the case and judge by slug as the item names them, the subpoenas and the
 * standing from the coverage rows the item shows.
 */
export type OrderListFilter = {
  values: { name: "standing" | "kind" | "case" | "judge" | "subpoena"; anyOf: string[] }[];
  dates: { bound: "eq" | "gte" | "lte" | "gt" | "lt"; day: string }[];
};

/** Synchronous reads behind the orders page and the judge pages. Nothing here is projected yet. */
export function createOrdersRepository(db: Db) {
  const o = s.orders;
  const sc = s.stayCoverages;
  const sp = s.subpoenas;
  /** The order has a coverage row its record shows (loadOrders: a live row of a live subpoena, of every account or a live one) of which `extra` holds. */
  const hasCoverage = (extra?: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(sc)
        .innerJoin(sp, eq(sp.id, sc.subpoenaId))
        .where(
          and(
            eq(sc.orderId, o.id),
            publicRow(sc),
            publicRow(sp),
            or(
              isNull(sc.accountId),
              exists(
                db
                  .select({ one: sql`1` })
                  .from(s.accounts)
                  .where(and(eq(s.accounts.id, sc.accountId), isNull(s.accounts.deletedAt))),
              ),
            ),
            extra,
          ),
        ),
    );
  const standing = {
    in_force: () => hasCoverage(eq(sc.status, "in_force")),
    ended: () => and(hasCoverage(), not(hasCoverage(eq(sc.status, "in_force"))))!,
    none: () => not(hasCoverage()),
  };
  const bounds = { eq, gte, lte, gt, lt };
  // Built and prepared once per database, by a name that says every shape of its SQL: building
  // these with drizzle took longer than running them, and most of it grew with the page (an IN list).
  const once = <T>(name: string, build: () => T) => preparedQuery(db, `orders.${name}`, build);
  /** A padded id list's placeholders (i0, i1, …) and its values bound to them. */
  const idList = (ids: number[]) => ({ placeholders: placeholderList("i", ids.length), values: bindList("i", ids) });

  function filtered(filter: OrderListFilter | undefined): SQL[] {
    if (!filter) return [];
    const where: SQL[] = [];
    for (const { name, anyOf } of filter.values) {
      // `__in` with no value matches nothing, as in memory.
      if (anyOf.length === 0) where.push(sql`1 = 0`);
      else if (name === "kind") where.push(inArray(o.kind, anyOf as (typeof s.ORDER_KINDS)[number][]));
      else if (name === "case")
        where.push(inArray(o.caseId, db.select({ id: s.cases.id }).from(s.cases).where(inArray(s.cases.slug, anyOf))));
      else if (name === "judge")
        where.push(
          inArray(
            o.judgeId,
            db
              .select({ id: s.judges.id })
              .from(s.judges)
              .where(and(inArray(s.judges.slug, anyOf), publicRow(s.judges))),
          ),
        );
      else if (name === "subpoena") where.push(hasCoverage(inArray(sp.slug, anyOf)));
      else where.push(or(...anyOf.map((value) => standing[value as keyof typeof standing]?.() ?? sql`1 = 0`))!);
    }
    for (const { bound, day } of filter.dates) where.push(bounds[bound](o.dateSigned, day));
    return where;
  }

  return {
    /** The API list's filters as conditions on `orders` (the timeline's order side asks them too). */
    where: filtered,

    /** Orders of public cases, with their case and (live) judge. */
    list(filter: { judgeId?: number; orderIds?: number[] } = {}) {
      const select = (only: SQL | undefined) =>
        db
          .select({ order: s.orders, kase: s.cases, judge: s.judges, entry: { id: s.docketEntries.id, number: s.docketEntries.number } })
          .from(s.orders)
          .innerJoin(s.cases, eq(s.cases.id, s.orders.caseId))
          .leftJoin(s.judges, and(eq(s.judges.id, s.orders.judgeId), publicRow(s.judges)))
          // The order's own docket entry, when the public may see it, for its ECF No. (a sealed
          // entry's number is public: the docket shows it as a placeholder).
          .leftJoin(
            s.docketEntries,
            and(eq(s.docketEntries.id, s.orders.entryId), eq(s.docketEntries.caseId, s.orders.caseId), publicRow(s.docketEntries)),
          )
          .where(and(publicRow(s.orders), publicCase(), only))
          .orderBy(asc(s.orders.dateSigned), asc(s.orders.id))
          .prepare();
      if (filter.orderIds) {
        // Several slices come back in id order; loadOrders sorts the records in the list's order.
        return inSlices(
          filter.orderIds,
          (ids) => {
            const list = idList(ids);
            return once(`list:ids:${ids.length}`, () => select(inArray(s.orders.id, list.placeholders))).all(list.values);
          },
          (row) => row.order.id,
        ).filter((row) => filter.judgeId === undefined || row.order.judgeId === filter.judgeId);
      }
      if (filter.judgeId !== undefined)
        return once("list:judge", () => select(eq(s.orders.judgeId, sql.placeholder("judgeId")))).all({ judgeId: filter.judgeId });
      return once("list:all", () => select(undefined)).all();
    },

    /**
     * Ids of a keyset page of the orders of public cases in the list's order (shared/date-ordering:
     * the earliest day signed, unknown last; then how precisely; then id), read in that order from
     * orders_list_idx. `after`/`before` are an order's key as the API's cursors hold it: [day or
     * null, precision rank, id]; `filter`, the API list's filters (the walk then skips what they leave out).
     */
    keysetPage(page: FuzzyDatePageBounds, filter?: OrderListFilter): number[] {
      const only = filtered(filter);
      // Unfiltered (the orders page, the exports, the API list's own order), one prepared statement per shape of page.
      if (only.length === 0)
        return readPreparedFuzzyDatePage(LIST_ORDER, page, (shape, where, orderBy) =>
          once(`keysetPage:${shape}`, () =>
            db
              .select({ id: s.orders.id })
              .from(s.orders)
              .where(and(publicRow(s.orders), ofPublicCase(db, s.orders.caseId), where))
              .orderBy(...orderBy)
              .limit(sql.placeholder("limit"))
              .prepare(),
          ),
        ).map((r) => r.id);
      return readFuzzyDatePage(LIST_ORDER, page, (where, orderBy, limit) =>
        db
          .select({ id: s.orders.id })
          .from(s.orders)
          .where(and(publicRow(s.orders), ofPublicCase(db, s.orders.caseId), ...only, where))
          .orderBy(...orderBy)
          .limit(limit)
          .all()
          .map((r) => r.id),
      );
    },

    /**
     * The list key ([day or null, precision rank, id]) of one order the public may see, or null
     * when there is none by that id (deleted, held, of a hidden case, or never): the orders page's
     * ?after= and ?before= name an order, and an order the public may not see gives nothing away.
     */
    keyOf(id: number): OrderKey | null {
      const row = once("keyOf", () =>
        db
          .select({ day: o.dateSigned, rank: s.precisionRank(o.dateSignedPrecision, o.dateSigned) })
          .from(o)
          .innerJoin(s.cases, eq(s.cases.id, o.caseId))
          .where(and(eq(o.id, sql.placeholder("id")), publicRow(o), publicCase()))
          .prepare(),
      ).get({ id });
      return row ? [row.day, Number(row.rank), id] : null;
    },

    /**
     * The id of the order the public may see at this slug (its own page, /orders/{slug}), or
     * undefined: deleted, held, of a hidden case, or never, all alike, so a 404 gives nothing away.
     */
    publicIdBySlug(slug: string): number | undefined {
      const o = s.orders;
      return db
        .select({ id: o.id })
        .from(o)
        .innerJoin(s.cases, eq(s.cases.id, o.caseId))
        .where(and(eq(o.slug, slug), publicRow(o), publicCase()))
        .get()?.id;
    },

    /** When an order or what it protects last changed (the latest updated_at of the order and its coverage rows), for its page's "Last changed". */
    lastChangedAt(orderId: number): string | null {
      const row = db
        .select({
          at: sql<
            string | null
          >`max(${s.orders.updatedAt}, coalesce((select max(${s.stayCoverages.updatedAt}) from ${s.stayCoverages} where ${s.stayCoverages.orderId} = ${s.orders.id}), ''))`,
        })
        .from(s.orders)
        .where(eq(s.orders.id, orderId))
        .get();
      return row?.at ?? null;
    },

    /** The court of an order's case, for its page's header and citation. */
    court(id: string | null) {
      return id ? db.select().from(s.courts).where(eq(s.courts.id, id)).get() : undefined;
    },

    /** Slugs of the orders the public may see, by id, a keyset batch after `afterId` at a time (the sitemap). */
    publicSlugs(afterId: number, limit: number): { id: number; slug: string }[] {
      const o = s.orders;
      return db
        .select({ id: o.id, slug: o.slug })
        .from(o)
        .innerJoin(s.cases, eq(s.cases.id, o.caseId))
        .where(and(sql`${o.id} > ${afterId}`, publicRow(o), publicCase()))
        .orderBy(asc(o.id))
        .limit(limit)
        .all();
    },

    /**
     * How many orders of public cases the public may see (and `where` holds of, when given): the
     * orders page's count, in SQL. The live orders of the public cases, counted from
     * orders_case_idx alone, less those of them the publication guard holds, found from the open
     * holds: asking the holds about every order was most of the count's time.
     */
    count(where?: SQL): number {
      const h = s.publicationHolds;
      const countOf = (only?: SQL) =>
        db
          .select({ n: sql<number>`count(*)` })
          .from(o)
          .innerJoin(s.cases, eq(s.cases.id, o.caseId))
          .where(and(isNull(o.deletedAt), publicCase(), where, only));
      // The ids of held orders, as notHeld matches them (the id's text exactly).
      const held = () =>
        db
          .select({ id: sql<number>`cast(${h.recordId} as integer)` })
          .from(h)
          .where(and(eq(h.status, "held"), eq(h.recordType, "order"), sql`${h.recordId} = cast(cast(${h.recordId} as integer) as text)`));
      // The orders page's count, without a condition, is prepared once; a year's (the timeline's) is built for it.
      const [live, ofHeld] = where
        ? [countOf().get(), countOf(inArray(o.id, held())).get()]
        : [once("count:live", () => countOf().prepare()).get(), once("count:held", () => countOf(inArray(o.id, held())).prepare()).get()];
      return Number(live?.n ?? 0) - Number(ofHeld?.n ?? 0);
    },

    dispositions(orderIds: number[]) {
      return inSlices(
        orderIds,
        (ids) => {
          const list = idList(ids);
          return once(`dispositions:${ids.length}`, () =>
            db
              .select({ orderId: s.orderDispositions.orderId, disposition: s.orderDispositions.disposition, motion: s.motions })
              .from(s.orderDispositions)
              .innerJoin(s.motions, eq(s.motions.id, s.orderDispositions.motionId))
              .where(and(inArray(s.orderDispositions.orderId, list.placeholders), publicRow(s.motions)))
              .orderBy(asc(s.motions.id))
              .prepare(),
          ).all(list.values);
        },
        (row) => row.motion.id,
      );
    },

    /** Motions that name one of these orders as the one that decided them. */
    decidedMotions(orderIds: number[]) {
      return inSlices(
        orderIds,
        (ids) => {
          const list = idList(ids);
          return once(`decidedMotions:${ids.length}`, () =>
            db
              .select()
              .from(s.motions)
              .where(and(inArray(s.motions.decidedByOrderId, list.placeholders), publicRow(s.motions)))
              .orderBy(asc(s.motions.id))
              .prepare(),
          ).all(list.values);
        },
        (row) => row.id,
      );
    },

    /** What each order protects; rows for a removed subpoena or account are left out. */
    coverage(orderIds: number[]) {
      return inSlices(
        orderIds,
        (ids) => {
          const list = idList(ids);
          return once(`coverage:${ids.length}`, () =>
            db
              .select({ coverage: s.stayCoverages, subpoena: s.subpoenas, account: s.accounts, addressee: s.organizations })
              .from(s.stayCoverages)
              .innerJoin(s.subpoenas, eq(s.subpoenas.id, s.stayCoverages.subpoenaId))
              .leftJoin(s.accounts, eq(s.accounts.id, s.stayCoverages.accountId))
              .leftJoin(s.organizations, and(eq(s.organizations.id, s.stayCoverages.addresseeId), publicRow(s.organizations)))
              .where(and(inArray(s.stayCoverages.orderId, list.placeholders), publicRow(s.stayCoverages), publicRow(s.subpoenas)))
              .orderBy(asc(s.stayCoverages.id))
              .prepare(),
          ).all(list.values);
        },
        (row) => row.coverage.id,
      ).filter((row) => row.coverage.accountId === null || (row.account !== null && row.account.deletedAt === null));
    },
  };
}
