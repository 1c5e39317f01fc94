import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { loadOrders } from "../../server/orders/loaders";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { parseHtml } from "../support/html";
import { mostBound, recordQueries } from "../support/query-plans";

/* Every order of the record is read a slice of ids at a time, so no order count makes a statement SQLite refuses. */
describe("the orders of a record with 1,200 orders", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    generateRecord(db, { cases: 3, entries: 12_000, bigCase: 10_000, orderEvery: 10, now: testClock.now() });
  }, 60_000);
  afterAll(async () => app.close());

  it("lists them on /orders and in the API, binding at most a slice of ids a statement", async () => {
    const page = await recordQueries(db, () => app.inject("/orders"));
    expect(page.result.statusCode).toBe(200);
    expect(parseHtml(page.result.body)("body").text()).toContain("Order 10 of generated-case-0001");
    expect(mostBound(page.queries)).toBeLessThanOrEqual(510);
    const api = await recordQueries(db, () => app.inject("/api/v1/orders?page_size=100"));
    expect(api.result.statusCode).toBe(200);
    expect((api.result.json() as { data: unknown[] }).data).toHaveLength(100);
    expect(mostBound(api.queries)).toBeLessThanOrEqual(510);
  });

  it("pages the API list by keyset in SQL in the order the in-memory list gives, unknown and imprecise dates included", async () => {
    // Orders whose date is known to the month only, or not at all, among the exact ones.
    db.$client.prepare("UPDATE orders SET date_signed_precision = 'month', date_signed = '2020-02-01' WHERE id % 7 = 0").run();
    db.$client.prepare("UPDATE orders SET date_signed_precision = NULL, date_signed = NULL WHERE id % 11 = 0").run();
    // Written behind the record store's back: the stored answers of the test above are dropped by hand.
    app.pageCache.clear();
    const walk = async (first: string) => {
      const ids: number[] = [];
      let url: string | null = first;
      let previous: string | null = null;
      while (url) {
        const body = (await app.inject(url)).json() as { data: { id: number }[]; next: string | null; previous: string | null };
        ids.push(...body.data.map((o) => o.id));
        previous = body.previous;
        url = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
      }
      return { ids, previous };
    };
    const sql = await walk("/api/v1/orders?page_size=100");
    // The in-memory order: loadOrders sorts every order's record by shared/date-ordering.
    const memory = { ids: loadOrders(db).map((r) => r.order.id) };
    expect(sql.ids.length).toBeGreaterThan(1_000);
    expect(new Set(sql.ids).size).toBe(sql.ids.length);
    expect(sql.ids).toEqual(memory.ids);
    const back = (await app.inject(new URL(sql.previous!).pathname + new URL(sql.previous!).search)).json() as { data: { id: number }[] };
    const lastPageStart = Math.floor((sql.ids.length - 1) / 100) * 100;
    expect(back.data.map((o) => o.id)).toEqual(sql.ids.slice(lastPageStart - 100, lastPageStart));
  });
});
