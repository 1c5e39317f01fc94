import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events, subpoenas } from "../../db/schema";
import { pageOf, type ListRow } from "../../server/api/lists";
import { TIMELINE_LIST } from "../../server/api/register-routes";
import { toTimelineItem } from "../../server/api/serializers/timeline";
import { fuzzyDateKey } from "../../server/shared/date-ordering";
import { loadTimeline } from "../../server/timeline/loaders";
import { buildTestApp } from "../support/app";
import { insertCase, insertCoverage, insertEvent, insertOrder, insertSubpoena, linkEvent } from "../support/factories";

/*
 * /api/v1/timeline with filters, or ordered by date or by kind, is a keyset page cut in SQL (the events'
 * and the orders' sides, merged) where it used to build the whole timeline and filter and sort
 * it in memory. Walked page by page, forward and back, each query must give exactly what the
 * in-memory list (pageOf over loadTimeline's items, as before) gives; hidden records never match.
 */

type Body = { data: { slug: string }[]; next: string | null; previous: string | null };

describe("the API's timeline, filtered in SQL", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    const a = insertCase(db, { slug: "case-a" });
    const b = insertCase(db, { slug: "case-b" });
    const sealed = insertCase(db, { slug: "case-sealed", sealed: true });
    const one = insertSubpoena(db, { slug: "subpoena-one" });
    const gone = insertSubpoena(db, { slug: "subpoena-gone" });
    const days: [string | null, "day" | "month" | null][] = [
      ["2024-12-20", "day"],
      ["2025-03-01", "month"],
      ["2025-03-01", "day"],
      [null, null],
    ];
    for (let i = 0; i < 160; i++) {
      const [date, precision] = days[i % 4]!;
      insertEvent(db, {
        kind: i % 3 ? "report" : "statement",
        date,
        datePrecision: precision ?? "unknown",
        caseId: i % 5 === 0 ? a.id : i % 5 === 1 ? b.id : i % 5 === 2 ? sealed.id : null,
        subpoenaId: i % 4 === 0 ? one.id : i % 4 === 1 ? gone.id : null,
      });
      const order = insertOrder(db, i % 2 ? a.id : b.id, { kind: "ruling", dateSigned: date, dateSignedPrecision: precision });
      if (i % 3 === 0) insertCoverage(db, order.id, one.id, { status: "in_force" });
      if (i % 7 === 0) linkEvent(db, insertEvent(db, { kind: "order", date: "2025-02-01" }).id, "order", order.id);
    }
    insertOrder(db, sealed.id, { kind: "ruling", dateSigned: "2025-03-01" });
    db.update(subpoenas).set({ deletedAt: "2025-10-01T00:00:00.000Z" }).where(eq(subpoenas.id, gone.id)).run();
    const deleted = insertEvent(db, { kind: "report", date: "2025-03-01", caseId: a.id });
    db.update(events).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(events.id, deleted.id)).run();
  });
  afterAll(async () => app.close());

  const local = (url: string) => new URL(url).pathname + new URL(url).search;

  async function walk(query: string) {
    const forward: string[][] = [];
    let url: string | null = `/api/v1/timeline?page_size=30&${query}`;
    let body: Body | null = null;
    while (url) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      body = res.json() as Body;
      forward.push(body.data.map((t) => t.slug));
      url = body.next ? local(body.next) : null;
    }
    const backward: string[][] = [forward.at(-1)!];
    url = body!.previous ? local(body!.previous) : null;
    while (url) {
      const page = (await app.inject(url)).json() as Body;
      backward.unshift(page.data.map((t) => t.slug));
      url = page.previous ? local(page.previous) : null;
    }
    return { forward, backward };
  }

  /** The same query through the in-memory list the route used before: pageOf over loadTimeline's items. */
  function inMemory(query: string): string[][] {
    const ctx = { baseUrl: "http://test" };
    const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(`page_size=30&${query}`));
    const year = typeof params["year"] === "string" ? Number(params["year"]) : undefined;
    const rows: ListRow<ReturnType<typeof toTimelineItem>>[] = loadTimeline(db, { year }).items.map((t) => ({
      item: toTimelineItem(ctx, t),
      key: [...fuzzyDateKey(t.date), t.origin === "event" ? 0 : 1, t.event?.id ?? t.order?.id ?? 0],
    }));
    const pages: string[][] = [];
    let q: Record<string, unknown> = { ...params, page_size: 30, ...(year ? { year } : {}) };
    for (;;) {
      const page = pageOf(rows, TIMELINE_LIST, q, (next) => JSON.stringify(next));
      pages.push(page.items.map((t) => t.slug));
      if (!page.next) return pages;
      q = JSON.parse(page.next) as Record<string, unknown>;
    }
  }

  const QUERIES = [
    "origin=event",
    "origin=order",
    "origin__in=",
    "kind=report",
    "kind__in=order,statement",
    "case=case-a",
    "case=case-sealed",
    "case__in=case-a,case-b&origin=order",
    "subpoena=subpoena-one",
    "subpoena=subpoena-gone",
    "date=2025-03-01",
    "date__gte=2025-01-01",
    "date__lt=2025-03-01&kind=order",
    "year=2025&case=case-b",
    "order_by=date",
    "order_by=-date",
    "order_by=-date&subpoena=subpoena-one",
    "order_by=kind",
    "order_by=-kind",
    "order_by=kind&case=case-a",
    "order_by=-kind&year=2025&origin__in=order,event",
  ];

  it.each(QUERIES)("gives what the in-memory list gives for %s, walking forward and back", async (query) => {
    const { forward, backward } = await walk(query);
    expect(forward).toEqual(inMemory(query));
    expect(backward).toEqual(forward);
  });

  it("never matches by a hidden case or a deleted subpoena", async () => {
    expect((await walk("case=case-sealed")).forward.flat()).toEqual([]);
    expect((await walk("subpoena=subpoena-gone")).forward.flat()).toEqual([]);
    expect((await walk("case=case-a&origin=event")).forward.flat()).toHaveLength(32);
  });
});
