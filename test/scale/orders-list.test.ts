import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
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
});
