import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { EVENT_KINDS, ORDER_KINDS, RELIABILITY_LEVELS } from "../../db/schema";
import { loadOrders } from "../orders/loaders";
import { paths } from "../paths";
import { fuzzyDateKey } from "../shared/date-ordering";
import { loadSourceRegister } from "../sources/register";
import { keyOfItem, loadTimelinePageByKey, type TimelineItem as TimelineItemRecord } from "../timeline/loaders";
import { createTimelineRepository, type TimelineKey, type TimelineListFilter } from "../timeline/repository";
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  listQuery,
  sentFilters,
  type Cursor,
  type ListSpec,
  type Page,
  type SortKey,
} from "./lists";
import { createOrdersRepository, type OrderKey, type OrderListFilter } from "../orders/repository";
import { ValidationError } from "../errors";
import { errorResponses, listOf, OrderItem, SourceRegisterResponse, TimelineItem, TimelineYear } from "./schemas";
import { sendList, sendPage } from "./send-list";
import { toOrderItem } from "./serializers/orders";
import { toRegisterConflict, toRegisterSource } from "./serializers/sources";
import { toTimelineItem } from "./serializers/timeline";

type OrderApiItem = ReturnType<typeof toOrderItem>;
type TimelineApiItem = ReturnType<typeof toTimelineItem>;
type SourceApiItem = ReturnType<typeof toRegisterSource>;

/** The orders list's filters and orderings (exported for the test that holds its SQL pages to pageOf's). */
export const ORDER_LIST: ListSpec<OrderApiItem> = {
  key: (o) => [...fuzzyDateKey(o.dateSigned), o.id],
  filters: {
    standing: {
      type: "enum",
      values: ["in_force", "ended", "none"],
      description: "Only orders with this standing.",
      example: "in_force",
      of: (o) => o.standing,
    },
    kind: { type: "enum", values: ORDER_KINDS, description: "Only orders of this kind.", of: (o) => o.kind },
    case: { type: "text", description: "Only orders in this case, by slug.", of: (o) => o.case.slug },
    judge: { type: "text", description: "Only orders this judge signed, by slug.", of: (o) => o.judge?.slug ?? null },
    subpoena: {
      type: "text",
      description: "Only orders protecting accounts from this subpoena, by slug.",
      of: (o) => o.coverage.map((c) => c.subpoena.slug),
    },
    date_signed: { type: "date", description: "Signed:", of: (o) => o.dateSigned.date },
  },
  orderings: { date_signed: (o) => fuzzyDateKey(o.dateSigned), kind: (o) => [o.kind] },
};
const OrderList = listOf(OrderItem, "One page of the orders, earliest first.");

/** The timeline's filters and orderings (exported for the test that holds its SQL pages to pageOf's). */
export const TIMELINE_LIST: ListSpec<TimelineApiItem> = {
  // The key is made from the loader's item (its origin and id are not all in the answer); see the route.
  key: () => [],
  filters: {
    kind: { type: "enum", values: EVENT_KINDS, description: "Only items of this kind.", example: "withdrawal", of: (t) => t.kind },
    origin: {
      type: "enum",
      values: ["event", "order"],
      description: "Only events, or only the signings of orders no event tells of.",
      of: (t) => t.origin,
    },
    case: { type: "text", description: "Only items of this case, by slug.", of: (t) => t.case?.slug ?? null },
    subpoena: { type: "text", description: "Only items of this subpoena, by slug.", of: (t) => t.subpoenas.map((s) => s.slug) },
    date: { type: "date", description: "Dated:", of: (t) => t.date.date },
  },
  orderings: { date: (t) => fuzzyDateKey(t.date), kind: (t) => [t.kind] },
  extra: { year: TimelineYear },
};
const TimelineList = listOf(TimelineItem, "One page of the timeline, in date order.");

const SOURCE_LIST: ListSpec<SourceApiItem> = {
  key: () => [],
  filters: {
    reliability: {
      type: "enum",
      values: RELIABILITY_LEVELS,
      description: "Only sources of this reliability.",
      example: "court_record",
      of: (s) => s.reliability,
    },
    publisher: { type: "text", description: "Only sources from this publisher, as the register names it.", of: (s) => s.publisher },
    date_published: { type: "date", description: "Published:", of: (s) => s.datePublished.date },
  },
  orderings: { date_published: (s) => fuzzyDateKey(s.datePublished), tag: (s) => [s.tag], fact_count: (s) => [s.factCount] },
};

/** The collections that span every case: orders, the timeline and the source register. */
export async function registerApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.orders(),
    {
      schema: {
        tags: ["orders"],
        operationId: "listOrders",
        summary: "List orders",
        description:
          "The orders of live cases in date order, with their case, judge, the motions they decided and, for stay and non-production orders, what they protect; a page at a time. Filter by `standing`, `kind`, `case`, `judge`, `subpoena` and the signing date (`date_signed__gte`), `__in` for several values; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(ORDER_LIST),
        response: { 200: OrderList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      // Cut in SQL by keyset with its filters in every order it offers: only the page's records are loaded.
      return sendPage(app, request, reply, { schema: OrderList, page: (linkTo) => orderPage(query, linkTo) });
    },
  );

  /**
   * One keyset page of the orders, filtered, in the list's own order, by date signed (the same
   * order, its key first in the cursor as pageOf gives it) or by kind (the list's order within
   * each kind, the kinds read one after another), either way (descending: read backwards), with
   * the cursors pageOf gives out.
   */
  function orderPage(query: Record<string, unknown>, linkTo: (query: Record<string, unknown>) => string): Page<OrderApiItem> {
    const repo = createOrdersRepository(app.db);
    const { orderBy, byKind, descending, limit, cursor } = keysetQuery(query);
    // A cursor's key: [day, rank, id], after the ordering's own members ([day, rank], or [kind]).
    const lead = byKind ? 1 : orderBy ? 2 : 0;
    const toKey = (key: SortKey): OrderKey => {
      const own = key.slice(lead);
      const ok =
        key.length === lead + 3 &&
        (!byKind || (ORDER_KINDS as readonly unknown[]).includes(key[0])) &&
        (own[0] === null || typeof own[0] === "string") &&
        typeof own[1] === "number" &&
        typeof own[2] === "number";
      if (!ok) throw new ValidationError([{ path: "cursor", message: "is not one this list gave out" }]);
      return own as OrderKey;
    };
    const cursorKey = (item: OrderApiItem): SortKey => [
      ...(byKind ? [item.kind] : orderBy ? fuzzyDateKey(item.dateSigned) : []),
      ...ORDER_LIST.key(item),
    ];
    const filter = sentFilters(ORDER_LIST, query) as unknown as OrderListFilter;
    // The `n` ids next to a key on one side, in the answer's order, read in the list's own order
    // (descending, a page after a key is the list's page before it); with no key, from the start or the end.
    const near = (only: OrderListFilter, side: "after" | "before", key: OrderKey | undefined, n: number) => {
      const listSide = descending === (side === "after") ? "before" : "after";
      const ids = repo.keysetPage(key ? { limit: n, [listSide]: key } : { limit: n, fromEnd: listSide === "before" }, only);
      return descending ? ids.reverse() : ids;
    };
    // By kind: the kinds in the answer's order (their names sort alike by pageOf's compare and by code unit), each its own keyset walk.
    const kinds: string[] = byKind ? [...ORDER_KINDS].sort() : [];
    if (descending) kinds.reverse();
    const read = (side: "after" | "before", key: SortKey | undefined, n: number): number[] => {
      if (!byKind) return near(filter, side, key && toKey(key), n);
      const step = side === "after" ? 1 : -1;
      let ids: number[] = [];
      for (
        let i = key ? kinds.indexOf(key[0] as string) : step > 0 ? 0 : kinds.length - 1;
        i >= 0 && i < kinds.length && ids.length < n;
        i += step
      ) {
        const only = { ...filter, values: [...filter.values, { name: "kind" as const, anyOf: [kinds[i]!] }] };
        const got = near(only, side, key && kinds[i] === key[0] ? toKey(key) : undefined, n - ids.length);
        ids = step > 0 ? [...ids, ...got] : [...got, ...ids];
      }
      return ids;
    };
    const at = cursor?.after ?? cursor?.before;
    if (at) toKey(at);
    const ids = read(cursor?.before ? "before" : "after", at, limit);
    const records = new Map(loadOrders(app.db, { orderIds: ids }).map((o) => [o.order.id, o]));
    const items = ids.flatMap((id) => (records.has(id) ? [toOrderItem(ctx, records.get(id)!)] : []));
    const first = items[0];
    const last = items.at(-1);
    const { cursor: _drop, ...rest } = query;
    const link = (c: Cursor) => linkTo({ ...rest, cursor: encodeCursor(c) });
    return {
      items,
      next: last && read("after", cursorKey(last), 1).length ? link({ order: orderBy, after: cursorKey(last) }) : null,
      previous: first && read("before", cursorKey(first), 1).length ? link({ order: orderBy, before: cursorKey(first) }) : null,
    };
  }

  app.get(
    paths.api.timeline(),
    {
      schema: {
        tags: ["timeline"],
        operationId: "listTimeline",
        summary: "The timeline",
        description:
          "The dated facts in order of the earliest day each could have happened (more precise dates first on a tie, unknown dates last): events, and the signing of orders no event tells of; a page at a time. Filter by `year`, `kind`, `origin`, `case`, `subpoena` and the date (`date__gte`, `date__lte`), `__in` for several values; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(TIMELINE_LIST),
        response: { 200: TimelineList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      // A keyset page cut in SQL over the events and the orders with its filters, in every order
      // it offers: only the page's records are loaded.
      return sendPage(app, request, reply, { schema: TimelineList, page: (linkTo) => timelinePage(query, linkTo) });
    },
  );

  /**
   * One keyset page of the timeline, filtered, in its own order, by date (the same order, its key
   * first in the cursor as sendList gives it) or by kind (the timeline's order within each kind,
   * the kinds read one after another), either way (descending: read backwards), with the cursors
   * sendList gives out for it.
   */
  function timelinePage(query: Record<string, unknown>, linkTo: (query: Record<string, unknown>) => string): Page<TimelineApiItem> {
    const repo = createTimelineRepository(app.db);
    const { orderBy, byKind, descending, limit, cursor } = keysetQuery(query);
    // A cursor's key: [day, rank, origin, id], after the ordering's own members ([day, rank], or [kind]).
    const lead = byKind ? 1 : orderBy ? 2 : 0;
    const toKey = (key: SortKey): TimelineKey => {
      const own = key.slice(lead);
      const ok =
        key.length === lead + 4 &&
        (!byKind || (EVENT_KINDS as readonly unknown[]).includes(key[0])) &&
        (own[0] === null || typeof own[0] === "string") &&
        typeof own[1] === "number" &&
        (own[2] === 0 || own[2] === 1) &&
        typeof own[3] === "number";
      if (!ok) throw new ValidationError([{ path: "cursor", message: "is not one this list gave out" }]);
      return own as TimelineKey;
    };
    const cursorKey = (item: TimelineItemRecord): SortKey => [
      ...(byKind ? [item.kind] : orderBy ? fuzzyDateKey(item.date) : []),
      ...keyOfItem(item),
    ];
    const year = typeof query["year"] === "number" ? query["year"] : undefined;
    const filter = sentFilters(TIMELINE_LIST, query) as unknown as TimelineListFilter;
    // Where a read next to a key lies in the timeline's own order (descending, a page after a key
    // is its page before it); with no key, from the start or the end.
    const bounds = (side: "after" | "before", key: TimelineKey | undefined) => {
      const listSide = descending === (side === "after") ? "before" : "after";
      return key ? { [listSide]: key } : { fromEnd: listSide === "before" };
    };
    const inOrder = <T>(rows: T[]) => (descending ? [...rows].reverse() : rows);
    // The page's items, or (for next and previous) whether there is one, next to a key on one side, in the answer's order.
    const itemsNear = (list: TimelineListFilter, side: "after" | "before", key: TimelineKey | undefined, n: number) =>
      inOrder(loadTimelinePageByKey(app.db, { limit: n, year, list, ...bounds(side, key) }).items);
    const anyNear = (list: TimelineListFilter, side: "after" | "before", key: TimelineKey | undefined) =>
      repo.keysetPage({ limit: 1, year, list, ...bounds(side, key) });
    // By kind: the kinds in the answer's order (their names sort alike by pageOf's compare and by code unit), each its own keyset walk.
    const kinds: string[] = byKind ? [...EVENT_KINDS].sort() : [];
    if (descending) kinds.reverse();
    function read<T>(
      side: "after" | "before",
      key: SortKey | undefined,
      n: number,
      near: (list: TimelineListFilter, side: "after" | "before", key: TimelineKey | undefined, n: number) => T[],
    ): T[] {
      if (!byKind) return near(filter, side, key && toKey(key), n);
      const step = side === "after" ? 1 : -1;
      let rows: T[] = [];
      for (
        let i = key ? kinds.indexOf(key[0] as string) : step > 0 ? 0 : kinds.length - 1;
        i >= 0 && i < kinds.length && rows.length < n;
        i += step
      ) {
        const only = { ...filter, values: [...filter.values, { name: "kind" as const, anyOf: [kinds[i]!] }] };
        const got = near(only, side, key && kinds[i] === key[0] ? toKey(key) : undefined, n - rows.length);
        rows = step > 0 ? [...rows, ...got] : [...got, ...rows];
      }
      return rows;
    }
    const at = cursor?.after ?? cursor?.before;
    if (at) toKey(at);
    const items = read(cursor?.before ? "before" : "after", at, limit, itemsNear);
    const first = items[0];
    const last = items.at(-1);
    const { cursor: _drop, ...rest } = query;
    const link = (c: Cursor) => linkTo({ ...rest, cursor: encodeCursor(c) });
    const more = (side: "after" | "before", item: TimelineItemRecord) =>
      read(side, cursorKey(item), 1, (list, s, k) => anyNear(list, s, k)).length > 0;
    return {
      items: items.map((t) => toTimelineItem(ctx, t)),
      next: last && more("after", last) ? link({ order: orderBy, after: cursorKey(last) }) : null,
      previous: first && more("before", first) ? link({ order: orderBy, before: cursorKey(first) }) : null,
    };
  }

  app.get(
    paths.api.sources(),
    {
      schema: {
        tags: ["sources"],
        operationId: "listSources",
        summary: "The source register",
        description:
          "The sources with how many facts each backs (a page at a time, in register order), every conflict between sources with the records it affects, and how much of the record was checked against a docket. Filter the sources by `reliability`, `publisher` and the publication date, `__in` for several values; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(SOURCE_LIST),
        response: { 200: SourceRegisterResponse, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const register = loadSourceRegister(app.db);
      return sendList(app, request, reply, {
        spec: SOURCE_LIST,
        schema: SourceRegisterResponse,
        rows: () => register.sources.map((s) => ({ item: toRegisterSource(ctx, s), key: [s.source.id] })),
        more: () => ({ conflicts: register.conflicts.map((c) => toRegisterConflict(ctx, c)), verification: register.verification }),
      });
    },
  );
}

/** What a keyset list's query asks for: its ordering (by kind or date, either way), page size and cursor. */
function keysetQuery(query: Record<string, unknown>) {
  const orderBy = typeof query["order_by"] === "string" ? query["order_by"] : "";
  return {
    orderBy,
    byKind: orderBy.replace(/^-/, "") === "kind",
    descending: orderBy.startsWith("-"),
    limit: typeof query["page_size"] === "number" ? query["page_size"] : DEFAULT_PAGE_SIZE,
    cursor: typeof query["cursor"] === "string" ? decodeCursor(query["cursor"], orderBy) : null,
  };
}
