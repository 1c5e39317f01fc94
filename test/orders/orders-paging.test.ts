import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders } from "../../db/schema";
import { loadOrders, ORDERS_PER_PAGE } from "../../server/orders/loaders";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { insertCase, insertOrder, holdRecord } from "../support/factories";
import { fullScans, mostBound, recordQueries } from "../support/query-plans";

/*
 * /orders is a keyset page of ORDERS_PER_PAGE orders cut in SQL. Its pages, walked either way,
 * must give every public order once, in loadOrders's (shared/date-ordering) order, across page
 * boundaries that fall among orders of the very same date and precision; and nothing the public
 * may not see is listed, counted, or told apart from an order that never was.
 */
describe("the orders page, a page at a time", () => {
  let app: FastifyInstance;
  let db: Db;
  const hidden: number[] = [];

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    const kase = insertCase(db, { slug: "many-orders" });
    // 260 orders, in runs of equal keys: 90 on one day, 90 known to the same month, 40 on a later day, 40 undated.
    for (let i = 0; i < 260; i++) {
      const [dateSigned, dateSignedPrecision]: [string | null, "day" | "month" | null] =
        i < 90 ? ["2025-03-04", "day"] : i < 180 ? ["2025-03-01", "month"] : i < 220 ? ["2025-05-01", "day"] : [null, null];
      insertOrder(db, kase.id, { kind: "ruling", title: `Public order ${i}`, dateSigned, dateSignedPrecision });
    }
    const sealed = insertCase(db, { slug: "sealed-one", sealed: true });
    const unpublished = insertCase(db, { slug: "not-yet", published: false });
    hidden.push(insertOrder(db, sealed.id, { kind: "ruling", title: "SECRET-SEALED-ORDER", dateSigned: "2025-03-04" }).id);
    hidden.push(insertOrder(db, unpublished.id, { kind: "ruling", title: "SECRET-UNPUBLISHED-ORDER", dateSigned: "2025-03-04" }).id);
    const deleted = insertOrder(db, kase.id, { kind: "ruling", title: "SECRET-DELETED-ORDER", dateSigned: "2025-03-04" });
    db.update(orders).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(orders.id, deleted.id)).run();
    const held = insertOrder(db, kase.id, { kind: "ruling", title: "SECRET-HELD-ORDER", dateSigned: "2025-03-04" });
    holdRecord(db, "order", held.id, kase.id);
    hidden.push(deleted.id, held.id);
  });
  afterAll(async () => app.close());

  const read = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    const $ = parseHtml(res.body);
    return {
      body: res.body,
      slugs: $("li[id^='order-']")
        .map((_, el) => $(el).attr("id")!.slice("order-".length))
        .get(),
      next: $("a[rel='next']").attr("href") ?? null,
      prev: $("a[rel='prev']").attr("href") ?? null,
      count: $("p.muted.small").first().text(),
    };
  };

  it("gives every public order once, in the in-memory order, walking forward and back", async () => {
    const expected = loadOrders(db).map((r) => r.order.slug);
    expect(expected).toHaveLength(260);
    const forward: string[][] = [];
    let url: string | null = "/orders";
    let last: Awaited<ReturnType<typeof read>> | null = null;
    while (url) {
      last = await read(url);
      expect(last.slugs.length).toBeLessThanOrEqual(ORDERS_PER_PAGE);
      expect(last.count).toContain("260 orders on the record.");
      for (const secret of ["SECRET-SEALED-ORDER", "SECRET-UNPUBLISHED-ORDER", "SECRET-DELETED-ORDER", "SECRET-HELD-ORDER"]) {
        expect(last.body).not.toContain(secret);
      }
      forward.push(last.slugs);
      url = last.next;
    }
    expect(forward.map((p) => p.length)).toEqual([100, 100, 60]);
    expect(forward.flat()).toEqual(expected);
    const backward: string[][] = [forward.at(-1)!];
    url = last!.prev;
    while (url) {
      const page = await read(url);
      backward.unshift(page.slugs);
      url = page.prev;
    }
    expect(backward).toEqual(forward);
    expect((await read("/orders")).prev).toBeNull();
  });

  it("answers the same 404 for a page named after a hidden order as for one that never was", async () => {
    const never = await app.inject("/orders?after=999999");
    expect(never.statusCode).toBe(404);
    for (const id of hidden) {
      for (const at of ["after", "before"]) {
        const res = await app.inject(`/orders?${at}=${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.body.replaceAll(String(id), "ID")).toBe(never.body.replaceAll("999999", "ID"));
      }
    }
  });

  it("reads a page by keyset without binding an id list the data decides", async () => {
    const first = await read("/orders");
    app.pageCache.clear();
    const { queries } = await recordQueries(db, () => app.inject(first.next!));
    expect(mostBound(queries)).toBeLessThanOrEqual(510);
    expect(fullScans(db, queries, ["docket_entries"])).toEqual([]);
  });
});
