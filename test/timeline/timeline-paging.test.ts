import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events } from "../../db/schema";
import { loadTimeline, TIMELINE_PER_PAGE } from "../../server/timeline/loaders";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { insertCase, insertEvent, insertOrder, linkEvent } from "../support/factories";

/*
 * /timeline and /api/v1/timeline are keyset pages cut in SQL over the union of events and the
 * orders no event tells of. Walked either way they must give loadTimeline's items (its
 * in-memory order: day, precision, events before orders, id) once each, across page boundaries
 * that fall among items of the very same key; and leave out and not count what is hidden.
 */
describe("the timeline, a page at a time", () => {
  let app: FastifyInstance;
  let db: Db;
  const SECRETS = ["SECRET-SEALED-CASE-ORDER", "SECRET-SEALED-CASE-EVENT", "SECRET-DELETED-EVENT", "SECRET-UNPUBLISHED-ORDER"];

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    const kase = insertCase(db, { slug: "busy" });
    // Runs of equal keys, events and orders on the same days: exact days, a month, a range across years, undated.
    const days: [string | null, "day" | "month" | "range" | null, string | null][] = [
      ["2024-12-20", "range", "2025-01-10"],
      ["2025-03-01", "day", null],
      ["2025-03-01", "month", null],
      ["2025-04-02", "day", null],
      [null, null, null],
    ];
    for (let i = 0; i < 300; i++) {
      const [date, precision, latest] = days[i % days.length]!;
      insertEvent(db, {
        kind: i % 2 ? "report" : "statement",
        title: `Public event ${i}`,
        date,
        dateLatest: latest,
        datePrecision: precision ?? "unknown",
      });
      insertOrder(db, kase.id, {
        kind: "ruling",
        title: `Public order ${i}`,
        dateSigned: date,
        dateSignedLatest: latest,
        dateSignedPrecision: precision,
      });
    }
    // Orders an event already tells of are not items of their own: one linked, one on an "order" event's day, one undated like its event.
    const other = insertCase(db, { slug: "told" });
    const linked = insertOrder(db, other.id, { kind: "ruling", title: "TOLD-BY-LINK", dateSigned: "2025-03-01" });
    linkEvent(db, insertEvent(db, { kind: "order", title: "The linked order's event", date: "2025-02-01" }).id, "order", linked.id);
    insertOrder(db, other.id, { kind: "ruling", title: "TOLD-BY-DAY", dateSigned: "2025-04-02" });
    insertEvent(db, { kind: "order", title: "An order event that day", date: "2025-04-02", caseId: other.id });
    insertOrder(db, other.id, { kind: "ruling", title: "TOLD-UNDATED", dateSigned: null });
    insertEvent(db, { kind: "order", title: "An undated order event", date: null, datePrecision: "unknown", caseId: other.id });
    // And what the public may not see.
    const sealed = insertCase(db, { slug: "sealed-one", sealed: true });
    insertOrder(db, sealed.id, { kind: "ruling", title: "SECRET-SEALED-CASE-ORDER", dateSigned: "2025-03-01" });
    insertEvent(db, { kind: "report", title: "SECRET-SEALED-CASE-EVENT", date: "2025-03-01", caseId: sealed.id });
    const unpublished = insertCase(db, { slug: "not-yet", published: false });
    insertOrder(db, unpublished.id, { kind: "ruling", title: "SECRET-UNPUBLISHED-ORDER", dateSigned: "2025-03-01" });
    const deleted = insertEvent(db, { kind: "report", title: "SECRET-DELETED-EVENT", date: "2025-03-01" });
    db.update(events).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(events.id, deleted.id)).run();
  });
  afterAll(async () => app.close());

  const readHtml = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    for (const secret of SECRETS) expect(res.body).not.toContain(secret);
    const $ = parseHtml(res.body);
    return {
      anchors: $("ol.timeline > li")
        .map((_, el) => $(el).attr("id")!)
        .get(),
      next: $("a[rel='next']").attr("href") ?? null,
      prev: $("a[rel='prev']").attr("href") ?? null,
      count: $("p.muted.small").first().text(),
    };
  };

  const walkHtml = async (first: string) => {
    const pages: Awaited<ReturnType<typeof readHtml>>[] = [];
    let url: string | null = first;
    while (url) {
      const page = await readHtml(url);
      expect(page.anchors.length).toBeLessThanOrEqual(TIMELINE_PER_PAGE);
      pages.push(page);
      url = page.next;
    }
    const back: string[][] = [pages.at(-1)!.anchors];
    url = pages.at(-1)!.prev;
    while (url) {
      const page = await readHtml(url);
      back.unshift(page.anchors);
      url = page.prev;
    }
    expect(back).toEqual(pages.map((p) => p.anchors));
    return pages;
  };

  it("gives the in-memory timeline's items once each, in its order, on pages walked both ways", async () => {
    const expected = loadTimeline(db).items.map((i) => i.anchor);
    // 600 public items, the three "order" events; none of the told orders.
    expect(expected).toHaveLength(603);
    expect(loadTimeline(db).items.map((i) => i.title)).not.toContain("TOLD-BY-DAY");
    const pages = await walkHtml("/timeline");
    expect(pages.map((p) => p.anchors.length)).toEqual([200, 200, 200, 3]);
    expect(pages.flatMap((p) => p.anchors)).toEqual(expected);
    for (const p of pages) expect(p.count).toContain("603 items.");
  });

  it("filters by year and kind in SQL as the in-memory filters do, counting only the matches", async () => {
    for (const [query, filter] of [
      ["year=2025", { year: 2025 }],
      ["year=2024", { year: 2024 }],
      ["kind=order", { kind: "order" as const }],
      ["year=2025&kind=report", { year: 2025, kind: "report" as const }],
    ] as const) {
      const expected = loadTimeline(db, filter).items.map((i) => i.anchor);
      const pages = await walkHtml(`/timeline?${query}`);
      expect(pages.flatMap((p) => p.anchors)).toEqual(expected);
      expect(pages[0]!.count).toContain(`${expected.length} matching items.`);
    }
    // The filter form offers the whole timeline's years and kinds, as before.
    const $ = parseHtml((await app.inject("/timeline?kind=order")).body);
    const years = $("select[name='year'] option")
      .map((_, el) => $(el).attr("value"))
      .get();
    expect(years).toEqual(["", "2024", "2025"]);
  });

  it("pages the API's timeline in SQL with the in-memory list's items and cursors", async () => {
    const walk = async (first: string) => {
      const ids: string[] = [];
      let url: string | null = first;
      let previous: string | null = null;
      while (url) {
        const res = await app.inject(url);
        expect(res.statusCode).toBe(200);
        for (const secret of SECRETS) expect(res.body).not.toContain(secret);
        const body = res.json() as { data: { title: string; date: unknown }[]; next: string | null; previous: string | null };
        ids.push(...body.data.map((t) => JSON.stringify(t)));
        previous = body.previous;
        url = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
      }
      return { ids, previous };
    };
    const sql = await walk("/api/v1/timeline?page_size=70");
    // A filter that keeps everything takes the in-memory path.
    const memory = await walk("/api/v1/timeline?page_size=70&origin__in=event,order");
    expect(sql.ids).toHaveLength(603);
    expect(sql.ids).toEqual(memory.ids);
    const back = (await app.inject(new URL(sql.previous!).pathname + new URL(sql.previous!).search)).json() as { data: unknown[] };
    expect(back.data.map((t) => JSON.stringify(t))).toEqual(sql.ids.slice(490, 560));
    const year = await walk("/api/v1/timeline?page_size=70&year=2024");
    const yearMemory = await walk("/api/v1/timeline?page_size=70&year=2024&origin__in=event,order");
    expect(year.ids).toEqual(yearMemory.ids);
    expect(year.ids.length).toBe(120);
  });

  it("answers the same 404 for a page named after a hidden or told item as for one that never was", async () => {
    const never = await app.inject("/timeline?after=order-999999");
    expect(never.statusCode).toBe(404);
    const hidden = db.$client
      .prepare(
        "SELECT 'order' AS origin, id FROM orders WHERE title LIKE 'SECRET-%' OR title LIKE 'TOLD-%' UNION ALL SELECT 'event', id FROM events WHERE title LIKE 'SECRET-%'",
      )
      .all() as { origin: string; id: number }[];
    expect(hidden).toHaveLength(7);
    for (const { origin, id } of hidden) {
      const res = await app.inject(`/timeline?before=${origin}-${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body.replaceAll(String(id), "ID")).toBe(never.body.replaceAll("999999", "ID"));
    }
  });
});
