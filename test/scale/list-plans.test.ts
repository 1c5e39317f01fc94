import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events } from "../../db/schema";
import { generateRecord } from "../../bench/generate-record";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { insertCase, insertEvent, insertOrder, linkEvent, holdRecord } from "../support/factories";
import { parseHtml } from "../support/html";
import { fullScans, planOf, recordQueries, type RecordedQuery } from "../support/query-plans";

/*
 * The four lists in date order (/orders, /timeline, /api/v1/orders, /api/v1/timeline) read a
 * page from the list indexes of orders and events (orders_list_idx, events_list_idx: the day,
 * then the precision's rank, then the rowid), so at a million rows a page costs what it costs at
 * a hundred. Checked on their query plans, not timed: no statement of a page reads a whole
 * orders, events, event_links or motions table, and none sorts its rows for the ORDER BY.
 */

const TABLES = ["orders", "events", "event_links", "motions"];
/** What a request's page statements are: a select from orders or events, in an order, with a limit. */
const isPage = (q: RecordedQuery) => /^select .* from "(orders|events)" .* order by .* limit \?$/is.test(q.sql);

describe("the lists in date order, read from their indexes", () => {
  let app: FastifyInstance;
  let db: Db;
  const SECRETS = ["SECRET-HELD-ORDER", "SECRET-SEALED-CASE-ORDER", "SECRET-DELETED-EVENT", "SECRET-SEALED-CASE-EVENT"];

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    // 600 orders on generated days, and events beside them: some tell of an order (linked, or
    // an "order" event on its day), some are of a month or undated.
    generateRecord(db, { cases: 3, entries: 3_000, bigCase: 2_000, orderEvery: 5, now: testClock.now() });
    const kase = insertCase(db, { slug: "eventful" });
    for (let i = 0; i < 150; i++) {
      const date = i % 10 === 9 ? null : `2020-0${1 + (i % 9)}-0${1 + (i % 7)}`;
      const event = insertEvent(db, {
        kind: i % 3 ? "report" : "order",
        title: `Event ${i}`,
        date,
        datePrecision: date === null ? "unknown" : i % 4 ? "day" : "month",
        caseId: i % 3 ? null : kase.id,
      });
      if (i % 5 === 0) linkEvent(db, event.id, "order", i + 1);
    }
    // Hidden rows on the very keys of public ones: a held order, a sealed case's order and event, a deleted event.
    const held = insertOrder(db, kase.id, { kind: "ruling", title: "SECRET-HELD-ORDER", dateSigned: "2020-01-02" });
    holdRecord(db, "order", held.id, kase.id);
    const sealed = insertCase(db, { slug: "sealed-one", sealed: true });
    insertOrder(db, sealed.id, { kind: "ruling", title: "SECRET-SEALED-CASE-ORDER", dateSigned: "2020-01-02" });
    insertEvent(db, { kind: "report", title: "SECRET-SEALED-CASE-EVENT", date: "2020-01-02", caseId: sealed.id });
    const deleted = insertEvent(db, { kind: "report", title: "SECRET-DELETED-EVENT", date: "2020-01-02" });
    db.update(events).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(events.id, deleted.id)).run();
  }, 60_000);
  afterAll(async () => app.close());

  /** The request's statements, the page ones among them, and the body; the page cache is emptied first. */
  async function measured(url: string) {
    app.pageCache.clear();
    const { result, queries } = await recordQueries(db, () => app.inject(url));
    expect(result.statusCode, url).toBe(200);
    for (const secret of SECRETS) expect(result.body, url).not.toContain(secret);
    return { body: result.body, queries, pages: queries.filter(isPage) };
  }

  /** Page statements that read a whole table or sort for their ORDER BY; empty when every one walks an index. */
  function unindexed(queries: RecordedQuery[]) {
    const sorted = queries.filter((q) => planOf(db, q).some((step) => step.startsWith("USE TEMP B-TREE FOR ORDER BY")));
    return [...fullScans(db, queries, TABLES), ...sorted.map((q) => ({ sql: q.sql.slice(0, 300), step: "USE TEMP B-TREE FOR ORDER BY" }))];
  }

  const nextOf = (body: string) => parseHtml(body)("a[rel='next']").attr("href")!;
  const apiNext = (body: string) => {
    const next = (JSON.parse(body) as { next: string | null }).next!;
    return new URL(next).pathname + new URL(next).search;
  };

  it("/orders reads its first, next and previous pages from orders_list_idx", async () => {
    const first = await measured("/orders");
    const second = await measured(nextOf(first.body));
    const back = await measured(parseHtml(second.body)("a[rel='prev']").attr("href")!);
    for (const page of [first, second, back]) {
      expect(page.pages.length).toBeGreaterThan(0);
      expect(unindexed(page.pages)).toEqual([]);
      expect(page.pages.flatMap((q) => planOf(db, q)).join("\n")).toContain("orders_list_idx");
    }
  });

  it("/timeline reads its pages from events_list_idx and orders_list_idx", async () => {
    const first = await measured("/timeline");
    const second = await measured(nextOf(first.body));
    for (const page of [first, second]) {
      expect(unindexed(page.pages)).toEqual([]);
      const plans = page.pages.flatMap((q) => planOf(db, q)).join("\n");
      expect(plans).toContain("events_list_idx");
      expect(plans).toContain("orders_list_idx");
    }
  });

  it("counts the orders and the timeline, and finds the filter form's years, without reading every order", async () => {
    for (const url of ["/orders", "/timeline", "/timeline?year=2020", "/timeline?kind=order"]) {
      const page = await measured(url);
      // The events are read whole for the timeline's count and its kinds (a record has few); the orders never.
      expect(fullScans(db, page.queries, ["orders", "event_links", "motions"]), url).toEqual([]);
    }
  });

  it("/api/v1/orders and /api/v1/timeline read their pages and cursors from the list indexes", async () => {
    for (const url of ["/api/v1/orders?page_size=100", "/api/v1/timeline?page_size=100"]) {
      const first = await measured(url);
      const second = await measured(apiNext(first.body));
      for (const page of [first, second]) {
        expect(page.pages.length, url).toBeGreaterThan(0);
        expect(unindexed(page.pages), url).toEqual([]);
      }
    }
  });
});
