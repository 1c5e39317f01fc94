import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";

const none = <T>(): T[] => [];

/**
 * Synchronous reads of subpoenas and what hangs off them. Every method takes a batch of ids
 * so a list of subpoenas costs a fixed number of queries. What hangs off a case comes from
 * public cases only (publicCase), so an unpublished case never shapes a subpoena's page or
 * status. Nothing here is projected yet.
 */
export function createSubpoenasRepository(db: Db) {
  return {
    list() {
      return (
        db
          .select()
          .from(s.subpoenas)
          .where(publicRow(s.subpoenas))
          // Unknown issue dates last, then a stable order.
          .orderBy(sql`${s.subpoenas.dateIssued} is null`, asc(s.subpoenas.dateIssued), asc(s.subpoenas.id))
          .all()
      );
    },

    findBySlug(slug: string) {
      return db
        .select()
        .from(s.subpoenas)
        .where(and(eq(s.subpoenas.slug, slug), publicRow(s.subpoenas)))
        .get();
    },

    /** Organizations by id, with the parents of those found (ICE brings DHS). */
    organizations(ids: (number | null | undefined)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
      if (wanted.length === 0) return none<typeof s.organizations.$inferSelect>();
      const found = db
        .select()
        .from(s.organizations)
        .where(and(inArray(s.organizations.id, wanted), publicRow(s.organizations)))
        .all();
      const parentIds = [...new Set(found.map((o) => o.parentId).filter((id): id is number => id !== null && !wanted.includes(id)))];
      const parents = parentIds.length
        ? db
            .select()
            .from(s.organizations)
            .where(and(inArray(s.organizations.id, parentIds), publicRow(s.organizations)))
            .all()
        : [];
      return [...found, ...parents];
    },

    /** Events linked to the subpoenas that the public may see, oldest first, unknown dates last. */
    events(subpoenaIds: number[]) {
      if (subpoenaIds.length === 0) return none<typeof s.events.$inferSelect>();
      return db
        .select()
        .from(s.events)
        .where(and(inArray(s.events.subpoenaId, subpoenaIds), publicRow(s.events), publicEvent(db)))
        .orderBy(sql`${s.events.date} is null`, asc(s.events.date), asc(s.events.id))
        .all();
    },

    /** Organizations that acted in the events (event_links, role actor). */
    eventActors(eventIds: number[]) {
      if (eventIds.length === 0) return none<{ eventId: number; organizationId: number }>();
      return db
        .select({ eventId: s.eventLinks.eventId, recordId: s.eventLinks.recordId })
        .from(s.eventLinks)
        .where(and(inArray(s.eventLinks.eventId, eventIds), eq(s.eventLinks.role, "actor"), eq(s.eventLinks.recordType, "organization")))
        .orderBy(asc(s.eventLinks.id))
        .all()
        .map((l) => ({ eventId: l.eventId, organizationId: Number(l.recordId) }))
        .filter((l) => Number.isInteger(l.organizationId));
    },

    /** Coverages of the subpoenas with their (live) orders of public cases. */
    coverages(subpoenaIds: number[]) {
      if (subpoenaIds.length === 0) return none<{ coverage: typeof s.stayCoverages.$inferSelect; order: typeof s.orders.$inferSelect }>();
      return db
        .select({ coverage: s.stayCoverages, order: s.orders })
        .from(s.stayCoverages)
        .innerJoin(s.orders, eq(s.orders.id, s.stayCoverages.orderId))
        .innerJoin(s.cases, eq(s.cases.id, s.orders.caseId))
        .where(and(inArray(s.stayCoverages.subpoenaId, subpoenaIds), publicRow(s.stayCoverages), publicRow(s.orders), publicCase()))
        .orderBy(asc(s.orders.dateSigned), asc(s.stayCoverages.id))
        .all();
    },

    /** Public cases challenging the subpoenas (case_subpoenas), in the record's reading order. */
    challenges(subpoenaIds: number[]) {
      if (subpoenaIds.length === 0) return none<{ subpoenaId: number; case: typeof s.cases.$inferSelect }>();
      return db
        .select({ subpoenaId: s.caseSubpoenas.subpoenaId, case: s.cases })
        .from(s.caseSubpoenas)
        .innerJoin(s.cases, eq(s.cases.id, s.caseSubpoenas.caseId))
        .where(and(inArray(s.caseSubpoenas.subpoenaId, subpoenaIds), publicCase()))
        .orderBy(asc(s.cases.position), asc(s.cases.id))
        .all();
    },

    motions(caseIds: number[]) {
      if (caseIds.length === 0) return none<typeof s.motions.$inferSelect>();
      return db
        .select()
        .from(s.motions)
        .where(and(inArray(s.motions.caseId, caseIds), publicRow(s.motions)))
        .orderBy(asc(s.motions.caseId), asc(s.motions.dateFiled), asc(s.motions.id))
        .all();
    },

    orders(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return none<typeof s.orders.$inferSelect>();
      return db
        .select()
        .from(s.orders)
        .where(and(inArray(s.orders.id, wanted), publicRow(s.orders)))
        .all();
    },

    judges(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return none<typeof s.judges.$inferSelect>();
      return db
        .select()
        .from(s.judges)
        .where(and(inArray(s.judges.id, wanted), publicRow(s.judges)))
        .all();
    },

    demands(subpoenaId: number) {
      return db
        .select()
        .from(s.subpoenaDemands)
        .where(and(eq(s.subpoenaDemands.subpoenaId, subpoenaId), publicRow(s.subpoenaDemands)))
        .orderBy(asc(s.subpoenaDemands.position), asc(s.subpoenaDemands.id))
        .all();
    },

    /** The accounts the subpoenas name, with the link's note. */
    namedAccounts(subpoenaIds: number[]) {
      if (subpoenaIds.length === 0) return none<{ subpoenaId: number; note: string | null; account: typeof s.accounts.$inferSelect }>();
      return db
        .select({ subpoenaId: s.subpoenaAccounts.subpoenaId, note: s.subpoenaAccounts.note, account: s.accounts })
        .from(s.subpoenaAccounts)
        .innerJoin(s.accounts, eq(s.accounts.id, s.subpoenaAccounts.accountId))
        .where(and(inArray(s.subpoenaAccounts.subpoenaId, subpoenaIds), publicRow(s.accounts)))
        .orderBy(asc(s.accounts.handle), asc(s.accounts.id))
        .all();
    },

    accounts(ids: (number | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
      if (wanted.length === 0) return none<typeof s.accounts.$inferSelect>();
      return db
        .select()
        .from(s.accounts)
        .where(and(inArray(s.accounts.id, wanted), publicRow(s.accounts)))
        .all();
    },

    /** Accounts operated by the parties of the given cases: who a movant-wide order protects. */
    caseAccounts(caseIds: number[]) {
      if (caseIds.length === 0) return none<{ caseId: number; accountId: number }>();
      return db
        .select({ caseId: s.parties.caseId, accountId: s.partyAccounts.accountId })
        .from(s.partyAccounts)
        .innerJoin(s.parties, eq(s.parties.id, s.partyAccounts.partyId))
        .where(and(inArray(s.parties.caseId, caseIds), publicRow(s.parties)))
        .all();
    },

    notices(subpoenaId: number) {
      return db
        .select()
        .from(s.notices)
        .where(and(eq(s.notices.subpoenaId, subpoenaId), publicRow(s.notices)))
        .orderBy(sql`${s.notices.dateNotified} is null`, asc(s.notices.dateNotified), asc(s.notices.id))
        .all();
    },
  };
}

export type SubpoenasRepository = ReturnType<typeof createSubpoenasRepository>;
