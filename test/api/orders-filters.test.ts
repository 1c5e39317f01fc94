import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { accounts, judges, stayCoverages } from "../../db/schema";
import { pageOf, type ListRow } from "../../server/api/lists";
import { toOrderItem } from "../../server/api/serializers/orders";
import { loadOrders } from "../../server/orders/loaders";
import { ORDER_LIST } from "../../server/api/register-routes";
import { buildTestApp } from "../support/app";
import { insertAccount, insertCase, insertCoverage, insertJudge, insertOrder, insertSubpoena, holdRecord } from "../support/factories";
import { fullScans, recordQueries } from "../support/query-plans";

/*
 * /api/v1/orders with filters, or ordered by date signed or by kind, is a keyset page cut in SQL
 * (orders repository, keysetPage with the list's filters) where it used to load every order's
 * record and filter and sort them in memory. Walked page by page, forward and back, each query
 * must give exactly what the in-memory list (pageOf over loadOrders's items, as before) gives,
 * with the same cursors; what the public may not see never counts for a filter.
 */

type Body = { data: { id: number }[]; next: string | null; previous: string | null };

describe("the API's order list, filtered in SQL", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    const judge = insertJudge(db, { slug: "judge-one" });
    const gone = insertJudge(db, { slug: "judge-gone" });
    const a = insertCase(db, { slug: "case-a" });
    const b = insertCase(db, { slug: "case-b" });
    const sealed = insertCase(db, { slug: "case-sealed", sealed: true });
    const subpoena = insertSubpoena(db, { slug: "subpoena-one" });
    const other = insertSubpoena(db, { slug: "subpoena-two" });
    const account = insertAccount(db);
    const deletedAccount = insertAccount(db);
    db.update(accounts).set({ deletedAt: "2025-10-01T00:00:00.000Z" }).where(eq(accounts.id, deletedAccount.id)).run();
    const days: [string | null, "day" | "month" | null][] = [
      ["2025-03-04", "day"],
      ["2025-03-01", "month"],
      ["2025-05-01", "day"],
      [null, null],
    ];
    const kinds = ["stay", "ruling", "non_production", "scheduling"] as const;
    for (let i = 0; i < 240; i++) {
      const [dateSigned, dateSignedPrecision] = days[i % 4]!;
      const order = insertOrder(db, i % 3 ? a.id : b.id, {
        kind: kinds[i % 4]!,
        dateSigned,
        dateSignedPrecision,
        judgeId: i % 5 === 0 ? judge.id : i % 5 === 1 ? gone.id : null,
      });
      // Coverage: in force, ended, of a deleted account (not shown, so not counted), of another subpoena.
      if (i % 6 === 0) insertCoverage(db, order.id, subpoena.id, { status: "in_force" });
      if (i % 6 === 1) insertCoverage(db, order.id, subpoena.id, { status: "dissolved" });
      if (i % 6 === 2) insertCoverage(db, order.id, subpoena.id, { status: "in_force", accountId: deletedAccount.id });
      if (i % 6 === 3) insertCoverage(db, order.id, other.id, { status: "in_force", accountId: account.id });
      if (i % 12 === 4) {
        const row = insertCoverage(db, order.id, subpoena.id, { status: "in_force" });
        db.update(stayCoverages).set({ deletedAt: "2025-10-01T00:00:00.000Z" }).where(eq(stayCoverages.id, row.id)).run();
      }
    }
    insertOrder(db, sealed.id, { kind: "stay", dateSigned: "2025-03-04", judgeId: judge.id });
    const held = insertOrder(db, a.id, { kind: "stay", dateSigned: "2025-03-04", judgeId: judge.id });
    holdRecord(db, "order", held.id, a.id);
    db.update(judges).set({ deletedAt: "2025-10-01T00:00:00.000Z" }).where(eq(judges.id, gone.id)).run();
  });
  afterAll(async () => app.close());

  const local = (url: string) => new URL(url).pathname + new URL(url).search;

  /** Every id the API gives for the query, page after page, and then walked back from the last page. */
  async function walk(query: string) {
    const forward: number[][] = [];
    let url: string | null = `/api/v1/orders?page_size=25&${query}`;
    let body: Body | null = null;
    while (url) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      body = res.json() as Body;
      forward.push(body.data.map((o) => o.id));
      url = body.next ? local(body.next) : null;
    }
    const backward: number[][] = [forward.at(-1)!];
    url = body!.previous ? local(body!.previous) : null;
    while (url) {
      const page = (await app.inject(url)).json() as Body;
      backward.unshift(page.data.map((o) => o.id));
      url = page.previous ? local(page.previous) : null;
    }
    return { forward, backward };
  }

  /** The same query through the in-memory list: pageOf over every order's item, page after page. */
  function inMemory(query: string): number[][] {
    const ctx = { baseUrl: "http://test" };
    const rows: ListRow<ReturnType<typeof toOrderItem>>[] = loadOrders(db).map((o) => {
      const item = toOrderItem(ctx, o);
      return { item, key: ORDER_LIST.key(item) };
    });
    const params = Object.fromEntries(new URLSearchParams(`page_size=25&${query}`));
    const pages: number[][] = [];
    let q: Record<string, unknown> = { ...params, page_size: 25 };
    for (;;) {
      const page = pageOf(rows, ORDER_LIST, q, (next) => JSON.stringify(next));
      pages.push(page.items.map((o) => o.id));
      if (!page.next) return pages;
      q = JSON.parse(page.next) as Record<string, unknown>;
    }
  }

  const QUERIES = [
    "kind=stay",
    "kind__in=ruling,scheduling",
    "kind__in=",
    "case=case-b",
    "case=case-sealed",
    "judge=judge-one",
    "judge=judge-gone",
    "subpoena=subpoena-one",
    "subpoena__in=subpoena-two,nothing",
    "standing=in_force",
    "standing=ended",
    "standing__in=none,ended",
    "date_signed=2025-03-04",
    "date_signed__gte=2025-03-02",
    "date_signed__lt=2025-05-01&kind=non_production",
    "order_by=date_signed",
    "order_by=-date_signed",
    "order_by=-date_signed&case=case-a&standing=none",
    "order_by=kind",
    "order_by=-kind",
    "order_by=kind&standing=in_force",
    "order_by=-kind&case=case-a&date_signed__lte=2025-03-04",
  ];

  it.each(QUERIES)("gives what the in-memory list gives for %s, walking forward and back", async (query) => {
    const { forward, backward } = await walk(query);
    expect(forward).toEqual(inMemory(query));
    expect(backward).toEqual(forward);
  });

  it("never lets a hidden order, a hidden judge or a coverage row the record does not show decide a match", async () => {
    const ids = (await walk("judge=judge-one")).forward.flat();
    expect(ids).toHaveLength(48);
    expect((await walk("judge=judge-gone")).forward.flat()).toEqual([]);
    expect((await walk("case=case-sealed")).forward.flat()).toEqual([]);
    // 40 in force and in sight; the deleted account's and the deleted row's do not count.
    expect((await walk("standing=in_force")).forward.flat()).toHaveLength(80);
  });

  it("reads a filtered page without reading the whole orders table", async () => {
    app.pageCache.clear();
    const { queries } = await recordQueries(db, () => app.inject("/api/v1/orders?page_size=25&kind=stay&standing=in_force"));
    expect(fullScans(db, queries, ["orders", "stay_coverages"])).toEqual([]);
  });
});
