import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { docketEntries, eventLinks } from "../../db/schema";
import { exportDocument } from "../../server/api/export-routes";
import { loadOrders, publicOrderBatches } from "../../server/orders/loaders";
import { TIMELINE_COLUMNS, timelineCsvStream } from "../../server/timeline/csv";
import { loadTimeline, publicTimelineItems } from "../../server/timeline/loaders";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { createSeededDb } from "../seeds/support";
import { insertCase, insertEntry, insertEvent, insertOrder } from "../support/factories";

/*
 * The streamed exports read the record a keyset batch at a time; whatever the batch size, they
 * must give what the whole-table loaders give, in the same order, each item once: here the
 * bundled record plus items that tie on every key but the id (same day and precision, the same
 * month, no date at all), orders an event already tells of (linked, or an "order" event of the
 * same case and day) and orders none does, read in batches of 1 to 7 so that boundaries fall
 * inside every tie.
 */
const BATCHES = [1, 2, 3, 7];

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe("exports read in keyset batches", () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = createSeededDb();
    const kase = insertCase(db, { slug: "ties-v-dhs", caption: "Ties v. DHS" });
    for (let i = 0; i < 5; i++)
      insertEvent(db, { kind: "filing", title: `Same day ${i}`, date: "2025-10-01", datePrecision: "day", caseId: kase.id });
    for (let i = 0; i < 3; i++)
      insertEvent(db, { kind: "post", title: `Same month ${i}`, date: "2025-10-01", datePrecision: "month", caseId: kase.id });
    for (let i = 0; i < 4; i++) insertEvent(db, { kind: "statement", title: `Undated ${i}`, date: null, datePrecision: "day" });
    insertEvent(db, { kind: "order", title: "Order event", date: "2025-10-02", caseId: kase.id });
    insertOrder(db, kase.id, { title: "Told of by the same-day order event", dateSigned: "2025-10-02" });
    const linked = insertOrder(db, kase.id, { title: "Told of by a link", dateSigned: "2025-10-03" });
    const linker = insertEvent(db, { kind: "hearing", title: "Hearing on the order", date: "2025-10-05", caseId: kase.id });
    db.insert(eventLinks)
      .values({ eventId: linker.id, recordType: "order", recordId: String(linked.id) })
      .run();
    for (let i = 0; i < 3; i++) insertOrder(db, kase.id, { title: `Order of the same day ${i}`, dateSigned: "2025-10-01" });
    insertOrder(db, kase.id, { title: "Undated order", dateSigned: null });
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => app.close());

  it("gives the timeline's items in the page's order, each once, at any batch size", () => {
    const whole = loadTimeline(db).items;
    expect(whole.length).toBeGreaterThan(40);
    expect(whole.map((i) => i.title)).not.toContain("Told of by a link");
    for (const size of [...BATCHES, 500]) expect([...publicTimelineItems(db, size)], `batch of ${size}`).toEqual(whole);
  });

  it("gives the orders in loadOrders' order at any batch size", () => {
    const whole = loadOrders(db);
    for (const size of BATCHES) expect([...publicOrderBatches(db, size)].flat(), `batch of ${size}`).toEqual(whole);
  });

  it("streams /timeline.csv with one row per timeline item, parsed back by csv-parse", async () => {
    const whole = loadTimeline(db).items;
    const res = await app.inject("/timeline.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...TIMELINE_COLUMNS]);
    expect(rows.map((r) => r.title)).toEqual(whole.map((i) => i.title));
    for (const size of BATCHES) expect(await text(timelineCsvStream(db, "http://127.0.0.1:3000", size))).toBe(res.body);
  });

  it("writes the same JSON document at any batch size", async () => {
    const whole = [...exportDocument(db, "http://example.test", testClock)].join("");
    expect(JSON.parse(whole)).toMatchObject({ schemaVersion: 1 });
    for (const size of BATCHES)
      expect([...exportDocument(db, "http://example.test", testClock, size)].join(""), `batch of ${size}`).toBe(whole);
    // The route sends the same document, cut into larger chunks.
    const res = await app.inject("/api/v1/export.json");
    expect(Object.keys(res.json() as object)).toEqual(Object.keys(JSON.parse(whole) as object));
  });

  it("leaves out the text of a sealed entry that falls in a later batch", async () => {
    const kase = insertCase(db, { slug: "sealed-later-v-dhs", caption: "Sealed Later v. DHS" });
    const made = Array.from({ length: 6 }, (_, i) =>
      insertEntry(db, kase.id, { sequence: i + 1, number: i + 1, description: `Open ${i + 1}` }),
    );
    db.update(docketEntries)
      .set({ sealed: true, description: "SECOND-BATCH-SEALED-TEXT", filedBy: "SECOND-BATCH-FILER" })
      .where(eq(docketEntries.id, made[3]!.id))
      .run();
    for (const size of [2, 3]) {
      const doc = [...exportDocument(db, "http://example.test", testClock, size)].join("");
      expect(doc).not.toContain("SECOND-BATCH-SEALED-TEXT");
      expect(doc).not.toContain("SECOND-BATCH-FILER");
      const entries = (
        JSON.parse(doc) as { cases: { slug: string; entries: { number: number; sealed: boolean; description: string }[] }[] }
      ).cases.find((c) => c.slug === "sealed-later-v-dhs")!.entries;
      expect(entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(entries[3]).toMatchObject({ sealed: true, description: "SEALED" });
    }
  });
});
