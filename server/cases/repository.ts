import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { notHeld, publicCase, publicRow } from "../records/public-scope";
import { bindList, ID_BUCKETS, paddedList, placeholderList, preparedQuery } from "../records/prepared";
import { searchDocket } from "./docket-search";
import { docketPageRows, docketPageStatements } from "./docket-statements";
import type { DocketQuery } from "./schemas";

/** The case a prepared query reads, bound at each run. */
const CASE_ID = sql.placeholder("caseId");

/** The record tables of a case, whose writes change its docket page (lastChangedAt). */
const RECORD_TABLES_OF_CASE = [
  { type: "entry", table: s.docketEntries },
  { type: "party", table: s.parties },
  { type: "motion", table: s.motions },
  { type: "order", table: s.orders },
  { type: "hearing", table: s.hearings },
  { type: "deadline", table: s.deadlines },
] as const;

/** A list of text ids padded to a bucket's length, as paddedList pads ids (an empty list: one id no court has). */
function paddedText(ids: string[]): string[] {
  const size = ID_BUCKETS.find((b) => b >= ids.length) ?? ids.length;
  const out = ids.length ? [...ids] : [""];
  while (out.length < size) out.push(out.at(-1)!);
  return out;
}

/**
 * An order a page of a long docket shows: one of the page's entries (`count` placeholders e0…),
 * one still in force, one that decided a motion of the case, or one a deadline of it names, so
 * every link the page makes to an order (#order-…) has its card.
 */
function shownOrder(count: number): SQL {
  const o = s.orders;
  const m = s.motions;
  const d = s.deadlines;
  const c = s.stayCoverages;
  return or(
    inArray(o.entryId, placeholderList("e", count)),
    sql`exists (select 1 from ${c} where ${c.orderId} = ${o.id} and ${c.status} = 'in_force' and ${c.deletedAt} is null)`,
    sql`exists (select 1 from ${m} where ${m.decidedByOrderId} = ${o.id} and ${m.caseId} = ${o.caseId} and ${m.deletedAt} is null)`,
    sql`exists (select 1 from ${d} where ${d.orderId} = ${o.id} and ${d.caseId} = ${o.caseId} and ${d.deletedAt} is null)`,
  )!;
}

/**
 * Synchronous reads of cases and everything on a docket page. Cases are the public ones only
 * (publicCase): an unpublished case is not found here. Nothing here is projected yet.
 */
export function createCasesRepository(db: Db) {
  /** A query of this repository built and prepared once per database (records/prepared.ts). */
  const once = <T>(name: string, build: () => T) => preparedQuery(db, `cases.${name}`, build);

  return {
    list() {
      return db.select().from(s.cases).where(publicCase()).orderBy(asc(s.cases.position), asc(s.cases.id)).all();
    },

    /** The public cases among `ids`, in list()'s order. */
    listOf(ids: number[]) {
      return db
        .select()
        .from(s.cases)
        .where(and(publicCase(), inArray(s.cases.id, ids)))
        .orderBy(asc(s.cases.position), asc(s.cases.id))
        .all();
    },

    /** One page of the public cases as the cases page lists them: by group, then the record's order. */
    listPage(limit: number, offset: number) {
      // Prepared once: building and compiling these took longer than running them.
      const statements = once("listPage", () => {
        // The expression cases_list_idx holds: the page's ids are read walking it, then only their rows.
        const rank = s.caseGroupRank(s.cases.group);
        const pageIds = db
          .select({ id: s.cases.id })
          .from(s.cases)
          .where(publicCase())
          .orderBy(rank, asc(s.cases.position), asc(s.cases.id))
          .limit(sql.placeholder("limit"))
          .offset(sql.placeholder("offset"));
        return {
          rows: db
            .select()
            .from(s.cases)
            .where(inArray(s.cases.id, pageIds))
            .orderBy(rank, asc(s.cases.position), asc(s.cases.id))
            .prepare(),
          total: db.select({ n: count() }).from(s.cases).where(publicCase()).prepare(),
        };
      });
      return { rows: statements.rows.all({ limit, offset }), total: statements.total.get()?.n ?? 0 };
    },

    /**
     * A keyset page of the public cases in the API list's order: position (cases without one
     * last), then id. `after`/`before` are a case's [position, id], as the list's cursors hold them.
     */
    keysetPage(page: { limit: number; after?: [number | null, number]; before?: [number | null, number] }) {
      const edge = page.after ? "after" : page.before ? "before" : "first";
      const statement = once(`keysetPage:${edge}`, () => {
        const c = s.cases;
        const key = sql`(${c.position} is null, coalesce(${c.position}, 0), ${c.id})`;
        const bound = sql`(${sql.placeholder("nullPosition")}, ${sql.placeholder("position")}, ${sql.placeholder("id")})`;
        const where: SQL[] = [publicCase()];
        if (edge === "after") where.push(sql`${key} > ${bound}`);
        if (edge === "before") where.push(sql`${key} < ${bound}`);
        const direction = edge === "before" ? desc : asc;
        // The key's order, as cases_api_list_idx holds it (a null position sorts as any other in
        // its half, so by id alike): the page's ids are read walking it, then only their rows.
        const ordering = [direction(s.caseHasNoPosition(c.position)), direction(c.position), direction(c.id)];
        const pageIds = db
          .select({ id: c.id })
          .from(c)
          .where(and(...where))
          .orderBy(...ordering)
          .limit(sql.placeholder("limit"));
        return db
          .select()
          .from(c)
          .where(inArray(c.id, pageIds))
          .orderBy(...ordering)
          .prepare();
      });
      const [position, id] = page.after ?? page.before ?? [null, 0];
      const rows = statement.all({ limit: page.limit, nullPosition: position === null ? 1 : 0, position: position ?? 0, id });
      return page.before ? rows.reverse() : rows;
    },

    /** The public motions of a page of cases, each case's in id order (prepared per length of the padded id list). */
    motionsOfCases(caseIds: number[]) {
      const ids = paddedList(caseIds);
      return once(`motionsOfCases:${ids.length}`, () =>
        db
          .select()
          .from(s.motions)
          .where(and(publicRow(s.motions), inArray(s.motions.caseId, placeholderList("c", ids.length))))
          .orderBy(asc(s.motions.caseId), asc(s.motions.id))
          .prepare(),
      ).all(bindList("c", ids));
    },

    /** The courts a page of cases names (ids padded as paddedList pads, so one statement serves every page of its bucket). */
    courtsByIds(ids: string[]) {
      const list = paddedText(ids);
      return once(`courtsByIds:${list.length}`, () =>
        db
          .select()
          .from(s.courts)
          .where(inArray(s.courts.id, placeholderList("c", list.length)))
          .prepare(),
      ).all(bindList("c", list));
    },

    /** The live judges a page of cases names. */
    judgesByIds(ids: number[]) {
      const list = paddedList(ids);
      return once(`judgesByIds:${list.length}`, () =>
        db
          .select()
          .from(s.judges)
          .where(and(publicRow(s.judges), inArray(s.judges.id, placeholderList("j", list.length))))
          .prepare(),
      ).all(bindList("j", list));
    },

    /** The live subpoenas a page of cases challenges. */
    subpoenasByIds(ids: number[]) {
      const list = paddedList(ids);
      return once(`subpoenasByIds:${list.length}`, () =>
        db
          .select()
          .from(s.subpoenas)
          .where(and(publicRow(s.subpoenas), inArray(s.subpoenas.id, placeholderList("p", list.length))))
          .prepare(),
      ).all(bindList("p", list));
    },

    /** Which subpoenas a page of cases challenges. */
    subpoenaLinksOfCases(caseIds: number[]) {
      const ids = paddedList(caseIds);
      return once(`subpoenaLinksOfCases:${ids.length}`, () =>
        db
          .select()
          .from(s.caseSubpoenas)
          .where(inArray(s.caseSubpoenas.caseId, placeholderList("c", ids.length)))
          .prepare(),
      ).all(bindList("c", ids));
    },

    findBySlug(slug: string) {
      return once("findBySlug", () =>
        db
          .select()
          .from(s.cases)
          .where(and(eq(s.cases.slug, sql.placeholder("slug")), publicCase()))
          .prepare(),
      ).get({ slug });
    },

    /** A live case whether or not it is public: for staff previewing what publishing it would show. */
    findLiveBySlug(slug: string) {
      return once("findLiveBySlug", () =>
        db
          .select()
          .from(s.cases)
          .where(and(eq(s.cases.slug, sql.placeholder("slug")), publicRow(s.cases)))
          .prepare(),
      ).get({ slug });
    },

    court(id: string | null) {
      if (!id) return undefined;
      return once("court", () =>
        db
          .select()
          .from(s.courts)
          .where(eq(s.courts.id, sql.placeholder("id")))
          .prepare(),
      ).get({ id });
    },

    judges(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return [];
      return once(`judges:${wanted.length}`, () =>
        db
          .select()
          .from(s.judges)
          .where(inArray(s.judges.id, placeholderList("j", wanted.length)))
          .prepare(),
      ).all(bindList("j", wanted));
    },

    /**
     * One page of entries matching the filters, and how many match in all. The page's ids are
     * found first, in the live-entry indexes (migration 0010), so a deep page skips index
     * entries only and reads the rows of the page it shows; the count reads index entries only.
     * The in-docket `q` filter reads the public search index (server/public-search/repository.ts).
     */
    entries(caseId: number, query: DocketQuery) {
      // The in-docket search names its matches in the statement; every other filter is a
      // placeholder, so each shape of filters (which are set, which order) is prepared once.
      if (query.q) return searchDocket(db, caseId, query);
      const shape = `entries:${query.from ? "f" : ""}${query.to ? "t" : ""}${query.kind ? "k" : ""}:${query.order}`;
      const statements = once(shape, () => {
        const e = s.docketEntries;
        const filters = and(
          eq(e.caseId, CASE_ID),
          isNull(e.deletedAt),
          ...(query.from ? [gte(e.dateFiled, sql.placeholder("from"))] : []),
          ...(query.to ? [lte(e.dateFiled, sql.placeholder("to"))] : []),
          ...(query.kind ? [eq(e.kind, sql.placeholder("kind"))] : []),
        )!;
        const c = s.docketEntryCounts;
        return {
          ...docketPageStatements(db, filters, query.order),
          rowsFromEnd: docketPageRows(db, filters, query.order === "asc" ? "desc" : "asc"),
          // Without dates, how many live entries match is kept per case and kind (docket_entry_counts,
          // migration 0019): a lookup, where counting walked the case's index entries on every render.
          kept:
            query.from || query.to
              ? undefined
              : db
                  .select({ n: sql<number>`coalesce(sum(${c.live}), 0)` })
                  .from(c)
                  .where(and(eq(c.caseId, CASE_ID), ...(query.kind ? [eq(c.kind, sql.placeholder("kind"))] : [])))
                  .prepare(),
        };
      });
      const values = { caseId, from: query.from, to: query.to, kind: query.kind };
      const live = Number((statements.kept ?? statements.live).get(values)?.n ?? 0);
      const heldHere = statements.held.get(values)?.n ?? 0;
      const total = live - heldHere;
      const offset = (query.page - 1) * query.per;
      // A page past the middle is read from the other end, in the opposite order, and turned
      // round: the index then skips what lies after the page, not the whole docket before it
      // (the last page of 100,000 entries skipped 99,900). The count says where the end is, and
      // (sequence, id) orders every entry, so both ways give the same rows.
      if (offset > total / 2 && offset < total) {
        const fromEnd = statements.rowsFromEnd.all({
          ...values,
          limit: Math.min(query.per, total - offset),
          offset: Math.max(0, total - offset - query.per),
        });
        return { rows: fromEnd.reverse(), total };
      }
      return { rows: statements.rows.all({ ...values, limit: query.per, offset }), total };
    },

    /**
     * A page of live entries after (or before) an entry's place in docket order, for the API's
     * keyset pages: `after`/`before` are a (sequence, id) the previous page ended or began with.
     * Rows come back in the page's reading order.
     */
    entriesPage(
      caseId: number,
      page: {
        limit: number;
        after?: [number, number];
        before?: [number, number];
        kind?: string[];
        dateFiled?: { eq?: string; gte?: string; lte?: string; gt?: string; lt?: string };
      },
    ) {
      const e = s.docketEntries;
      const where: SQL[] = [eq(e.caseId, caseId), publicRow(e)];
      if (page.kind?.length) where.push(inArray(e.kind, page.kind as (typeof e.kind._.data)[]));
      const d = page.dateFiled ?? {};
      if (d.eq) where.push(eq(e.dateFiled, d.eq));
      if (d.gte) where.push(gte(e.dateFiled, d.gte));
      if (d.lte) where.push(lte(e.dateFiled, d.lte));
      if (d.gt) where.push(gt(e.dateFiled, d.gt));
      if (d.lt) where.push(lt(e.dateFiled, d.lt));
      if (page.after) where.push(sql`(${e.sequence}, ${e.id}) > (${page.after[0]}, ${page.after[1]})`);
      if (page.before) where.push(sql`(${e.sequence}, ${e.id}) < (${page.before[0]}, ${page.before[1]})`);
      const backwards = Boolean(page.before);
      const direction = backwards ? desc : asc;
      const rows = db
        .select()
        .from(e)
        .where(and(...where))
        .orderBy(direction(e.sequence), direction(e.id))
        .limit(page.limit)
        .all();
      return backwards ? rows.reverse() : rows;
    },

    /** Live entries by id, of one case (a motion's own entry): the caller bounds the list. */
    entriesById(caseId: number, ids: number[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(s.docketEntries)
        .where(and(eq(s.docketEntries.caseId, caseId), inArray(s.docketEntries.id, ids), publicRow(s.docketEntries)))
        .orderBy(asc(s.docketEntries.sequence), asc(s.docketEntries.id))
        .all();
    },

    documents(entryIds: number[]) {
      if (entryIds.length === 0) return [];
      return once(`documents:${entryIds.length}`, () =>
        db
          .select()
          .from(s.documents)
          .where(and(inArray(s.documents.entryId, placeholderList("e", entryIds.length)), publicRow(s.documents)))
          .orderBy(asc(s.documents.entryId), asc(s.documents.attachmentNumber))
          .prepare(),
      ).all(bindList("e", entryIds));
    },

    parties(caseId: number) {
      return once("parties", () =>
        db
          .select()
          .from(s.parties)
          .where(and(eq(s.parties.caseId, CASE_ID), publicRow(s.parties)))
          .orderBy(asc(s.parties.position), asc(s.parties.id))
          .prepare(),
      ).all({ caseId });
    },

    /*
     * What hangs off a case's parties, motions and orders, found by joining from the case
     * rather than by a list of their ids: a long docket can have thousands of orders, and an
     * id list past ~32,766 values is a statement SQLite refuses.
     */

    counselOfCase(caseId: number) {
      return once("counselOfCase", () =>
        db
          .select({ representation: s.representations, attorney: s.attorneys, organization: s.organizations })
          .from(s.representations)
          .innerJoin(s.parties, eq(s.parties.id, s.representations.partyId))
          .leftJoin(s.attorneys, eq(s.attorneys.id, s.representations.attorneyId))
          .leftJoin(s.organizations, eq(s.organizations.id, s.representations.organizationId))
          .where(and(eq(s.parties.caseId, CASE_ID), publicRow(s.parties), publicRow(s.representations)))
          .orderBy(asc(s.representations.id))
          .prepare(),
      ).all({ caseId });
    },

    partyAccountsOfCase(caseId: number) {
      return once("partyAccountsOfCase", () =>
        db
          .select({ partyId: s.partyAccounts.partyId, account: s.accounts })
          .from(s.partyAccounts)
          .innerJoin(s.parties, eq(s.parties.id, s.partyAccounts.partyId))
          .innerJoin(s.accounts, eq(s.accounts.id, s.partyAccounts.accountId))
          .where(and(eq(s.parties.caseId, CASE_ID), publicRow(s.parties), publicRow(s.accounts)))
          .prepare(),
      ).all({ caseId });
    },

    movantsOfCase(caseId: number) {
      return once("movantsOfCase", () =>
        db
          .select({ movant: s.motionMovants })
          .from(s.motionMovants)
          .innerJoin(s.motions, eq(s.motions.id, s.motionMovants.motionId))
          .where(and(eq(s.motions.caseId, CASE_ID), publicRow(s.motions)))
          .prepare(),
      )
        .all({ caseId })
        .map((r) => r.movant);
    },

    dispositionsOfCase(caseId: number) {
      return once("dispositionsOfCase", () =>
        db
          .select({ disposition: s.orderDispositions })
          .from(s.orderDispositions)
          .innerJoin(s.orders, eq(s.orders.id, s.orderDispositions.orderId))
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders)))
          .prepare(),
      )
        .all({ caseId })
        .map((r) => r.disposition);
    },

    coverageOfCase(caseId: number) {
      return once("coverageOfCase", () =>
        db
          .select({ coverage: s.stayCoverages, subpoena: s.subpoenas, account: s.accounts })
          .from(s.stayCoverages)
          .innerJoin(s.orders, eq(s.orders.id, s.stayCoverages.orderId))
          .innerJoin(s.subpoenas, eq(s.subpoenas.id, s.stayCoverages.subpoenaId))
          .leftJoin(s.accounts, eq(s.accounts.id, s.stayCoverages.accountId))
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders), publicRow(s.stayCoverages)))
          .orderBy(asc(s.stayCoverages.id))
          .prepare(),
      ).all({ caseId });
    },

    organizations(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return [];
      return once(`organizations:${wanted.length}`, () =>
        db
          .select()
          .from(s.organizations)
          .where(inArray(s.organizations.id, placeholderList("o", wanted.length)))
          .prepare(),
      ).all(bindList("o", wanted));
    },

    motions(caseId: number) {
      return once("motions", () =>
        db
          .select()
          .from(s.motions)
          .where(and(eq(s.motions.caseId, CASE_ID), publicRow(s.motions)))
          .orderBy(asc(s.motions.dateFiled), asc(s.motions.id))
          .prepare(),
      ).all({ caseId });
    },

    orders(caseId: number) {
      return once("orders", () =>
        db
          .select()
          .from(s.orders)
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders)))
          .orderBy(asc(s.orders.dateSigned), asc(s.orders.id))
          .prepare(),
      ).all({ caseId });
    },

    /**
     * The number of each of these docket entries of the case the public may see (live, not held;
     * a sealed entry's number is public, the docket shows it): the ECF No. of the docket's order cards.
     */
    entryNumbers(caseId: number, entryIds: number[]): { id: number; number: number | null }[] {
      if (entryIds.length === 0) return [];
      const ids = paddedList(entryIds);
      return once(`entryNumbers:${ids.length}`, () =>
        db
          .select({ id: s.docketEntries.id, number: s.docketEntries.number })
          .from(s.docketEntries)
          .where(
            and(
              eq(s.docketEntries.caseId, CASE_ID),
              inArray(s.docketEntries.id, placeholderList("e", ids.length)),
              publicRow(s.docketEntries),
            ),
          )
          .prepare(),
      ).all({ caseId, ...bindList("e", ids) });
    },

    /**
     * When anything the docket page shows last changed: the case record, or the latest write to
     * one of its entries, parties, motions, orders, hearings or deadlines (a deletion too; not a
     * held record, which the page does not show). Entries and orders, which a long docket has by
     * the thousand, are read one step down their index on (case_id, updated_at); the others the
     * page reads whole anyway, through their index on the case.
     */
    lastChangedAt(caseId: number): string | null {
      return (
        once("lastChangedAt", () => {
          const newest = ({ type, table }: (typeof RECORD_TABLES_OF_CASE)[number]) =>
            type === "entry" || type === "order"
              ? sql`coalesce((select ${table.updatedAt} from ${table} where ${table.caseId} = ${s.cases.id} and ${table.updatedAt} is not null and ${notHeld(type, table.id)} order by ${table.updatedAt} desc limit 1), '')`
              : sql`coalesce((select max(${table.updatedAt}) from ${table} where ${table.caseId} = ${s.cases.id} and ${notHeld(type, table.id)}), '')`;
          return db
            .select({ at: sql<string>`max(${s.cases.updatedAt}, ${sql.join(RECORD_TABLES_OF_CASE.map(newest), sql`, `)})` })
            .from(s.cases)
            .where(eq(s.cases.id, CASE_ID))
            .prepare();
        }).get({ caseId })?.at ?? null
      );
    },

    /** How many orders the public sees on the case, counted in SQL. */
    orderCount(caseId: number) {
      return (
        once("orderCount", () =>
          db
            .select({ n: count() })
            .from(s.orders)
            .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders)))
            .prepare(),
        ).get({ caseId })?.n ?? 0
      );
    },

    /**
     * The orders a page of a long docket shows (shownOrder): those of its entries, those in
     * force, those deciding a motion and those a deadline names, in the same order as orders().
     */
    ordersShown(caseId: number, entryIds: number[]) {
      const ids = paddedList(entryIds);
      return once(`ordersShown:${ids.length}`, () =>
        db
          .select()
          .from(s.orders)
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders), shownOrder(ids.length)))
          .orderBy(asc(s.orders.dateSigned), asc(s.orders.id))
          .prepare(),
      ).all({ caseId, ...bindList("e", ids) });
    },

    /** What the orders of ordersShown protect, in the order of coverageOfCase. */
    coverageShown(caseId: number, entryIds: number[]) {
      const ids = paddedList(entryIds);
      return once(`coverageShown:${ids.length}`, () =>
        db
          .select({ coverage: s.stayCoverages, subpoena: s.subpoenas, account: s.accounts })
          .from(s.stayCoverages)
          .innerJoin(s.orders, eq(s.orders.id, s.stayCoverages.orderId))
          .innerJoin(s.subpoenas, eq(s.subpoenas.id, s.stayCoverages.subpoenaId))
          .leftJoin(s.accounts, eq(s.accounts.id, s.stayCoverages.accountId))
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders), publicRow(s.stayCoverages), shownOrder(ids.length)))
          .orderBy(asc(s.stayCoverages.id))
          .prepare(),
      ).all({ caseId, ...bindList("e", ids) });
    },

    /** The dispositions of the orders of ordersShown. */
    dispositionsShown(caseId: number, entryIds: number[]) {
      const ids = paddedList(entryIds);
      return once(`dispositionsShown:${ids.length}`, () =>
        db
          .select({ disposition: s.orderDispositions })
          .from(s.orderDispositions)
          .innerJoin(s.orders, eq(s.orders.id, s.orderDispositions.orderId))
          .where(and(eq(s.orders.caseId, CASE_ID), publicRow(s.orders), shownOrder(ids.length)))
          .prepare(),
      )
        .all({ caseId, ...bindList("e", ids) })
        .map((r) => r.disposition);
    },

    hearings(caseId: number) {
      return once("hearings", () =>
        db
          .select()
          .from(s.hearings)
          .where(and(eq(s.hearings.caseId, CASE_ID), publicRow(s.hearings)))
          .orderBy(asc(s.hearings.date), asc(s.hearings.id))
          .prepare(),
      ).all({ caseId });
    },

    deadlines(caseId: number) {
      return once("deadlines", () =>
        db
          .select()
          .from(s.deadlines)
          .where(and(eq(s.deadlines.caseId, CASE_ID), publicRow(s.deadlines)))
          .orderBy(asc(s.deadlines.dateDue), asc(s.deadlines.id))
          .prepare(),
      ).all({ caseId });
    },

    related(caseId: number) {
      const out = once("relatedOut", () =>
        db
          .select({ relation: s.relatedCases.relation, other: s.cases })
          .from(s.relatedCases)
          .innerJoin(s.cases, eq(s.cases.id, s.relatedCases.relatedCaseId))
          .where(and(eq(s.relatedCases.caseId, CASE_ID), publicCase()))
          .prepare(),
      ).all({ caseId });
      const incoming = once("relatedIn", () =>
        db
          .select({ relation: s.relatedCases.relation, other: s.cases })
          .from(s.relatedCases)
          .innerJoin(s.cases, eq(s.cases.id, s.relatedCases.caseId))
          .where(and(eq(s.relatedCases.relatedCaseId, CASE_ID), publicCase()))
          .prepare(),
      ).all({ caseId });
      const seen = new Set(out.map((r) => r.other.id));
      return [...out, ...incoming.filter((r) => !seen.has(r.other.id))];
    },

    subpoenas(caseId: number) {
      return once("subpoenas", () =>
        db
          .select({ subpoena: s.subpoenas })
          .from(s.caseSubpoenas)
          .innerJoin(s.subpoenas, eq(s.subpoenas.id, s.caseSubpoenas.subpoenaId))
          .where(and(eq(s.caseSubpoenas.caseId, CASE_ID), publicRow(s.subpoenas)))
          .orderBy(asc(s.subpoenas.dateIssued))
          .prepare(),
      )
        .all({ caseId })
        .map((r) => r.subpoena);
    },

    /** The most recent entries across all cases, for the overview. */
    latestEntries(limit: number) {
      return db
        .select({ entry: s.docketEntries, case: s.cases })
        .from(s.docketEntries)
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(and(publicRow(s.docketEntries), publicCase()))
        .orderBy(desc(s.docketEntries.dateFiled), desc(s.docketEntries.sequence))
        .limit(limit)
        .all();
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
