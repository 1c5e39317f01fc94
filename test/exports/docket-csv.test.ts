import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { docketEntries } from "../../db/schema";
import { DOCKET_COLUMNS, docketCsvStream } from "../../server/cases/csv";
import { buildTestApp } from "../support/app";
import { citeSource, insertCase, insertEntry, insertSource, holdRecord } from "../support/factories";
import { parseHtml } from "../support/html";

/*
 * The docket's CSV read back by a real CSV parser (csv-parse) and compared with the records:
 * one row per public entry in docket order, the sealed one as its placeholder, deleted and held
 * ones absent, and how each entry is known (docket, press report, staff) in its own column.
 */
describe("the docket as CSV", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    caseId = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" }).id;
  });
  afterEach(async () => app.close());

  const csv = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="quash-docket-doe-v-dhs.csv"');
    const header = parse(res.body, { to_line: 1 }) as string[][];
    expect(header[0]).toEqual([...DOCKET_COLUMNS]);
    return { body: res.body, rows: parse(res.body, { columns: true, bom: true }) as Record<string, string>[] };
  };

  it("gives every public entry once, with its ECF number, ISO dates, source and an inferred date marked", async () => {
    const filed = insertEntry(db, caseId, {
      number: 1,
      dateFiled: "2025-09-18",
      dateEntered: "2025-09-19",
      kind: "motion",
      description: 'MOTION to Quash, "urgent", filed by J. Doe',
      source: "pacer_docket",
    });
    const press = insertEntry(db, caseId, {
      number: null,
      dateFiled: "2025-10-01",
      description: "Order to show cause, as reported",
      source: "press",
    });
    insertEntry(db, caseId, { number: 3, dateFiled: "2025-10-02", description: "HIDDEN-SEALED-DECLARATION", sealed: true });
    const staff = insertEntry(db, caseId, {
      number: 4,
      dateFiled: "2025-10-03",
      description: "Clerk's notice\nof hearing",
      source: "manual",
      stricken: true,
    });
    const deleted = insertEntry(db, caseId, { number: 5, description: "DELETED-ENTRY-TEXT" });
    db.update(docketEntries).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(docketEntries.id, deleted.id)).run();
    const held = insertEntry(db, caseId, { number: 6, description: "HELD-ENTRY-TEXT" });
    holdRecord(db, "entry", held.id, caseId);
    const source = insertSource(db, { tag: "S07", publisher: "Davis Vanguard" });
    citeSource(db, "entry", press.id, source.id, { field: "dateFiled", inferred: true, inferredReason: "reported a day later" });
    citeSource(db, "entry", filed.id, source.id);

    const { body, rows } = await csv("/cases/doe-v-dhs/docket.csv");
    for (const secret of ["HIDDEN-SEALED-DECLARATION", "DELETED-ENTRY-TEXT", "HELD-ENTRY-TEXT"]) expect(body).not.toContain(secret);
    expect(rows.map((r) => r.ecf_number)).toEqual(["1", "", "3", "4"]);
    expect(rows[0]).toEqual({
      ecf_number: "1",
      ecf_citation: "ECF No. 1",
      date_filed: "2025-09-18",
      date_filed_inferred: "no",
      date_entered: "2025-09-19",
      kind: "Motion",
      docket_text: 'MOTION to Quash, "urgent", filed by J. Doe',
      sealed: "no",
      stricken: "no",
      source: "docket",
      source_detail: "from the PACER docket report",
      sources: "S07",
      permalink: `http://127.0.0.1:3000/cases/doe-v-dhs/entries/${filed.id}`,
    });
    expect(rows[1]).toMatchObject({
      ecf_citation: "",
      date_filed_inferred: "yes",
      source: "press report",
      source_detail: "reconstructed from a press report, not from the court's docket",
    });
    expect(rows[2]).toMatchObject({ docket_text: "SEALED", sealed: "yes", sources: "", ecf_citation: "ECF No. 3" });
    expect(rows[3]).toMatchObject({
      docket_text: "Clerk's notice\nof hearing",
      stricken: "yes",
      source: "staff",
      source_detail: "logged by staff",
    });
    expect(rows[3]!.permalink).toContain(`/entries/${staff.id}`);
  });

  it("reads a docket longer than one batch in docket order, every entry once", async () => {
    const values = Array.from({ length: 2_345 }, (_, i) => ({
      caseId,
      sequence: 2_345 - i,
      number: 2_345 - i,
      dateFiled: "2025-09-18",
      description: `Entry ${2_345 - i}`,
      createdAt: "2025-09-18T00:00:00.000Z",
      updatedAt: "2025-09-18T00:00:00.000Z",
    }));
    for (let i = 0; i < values.length; i += 500)
      db.insert(docketEntries)
        .values(values.slice(i, i + 500))
        .run();
    const { rows } = await csv("/cases/doe-v-dhs/docket.csv");
    expect(rows.map((r) => Number(r.ecf_number))).toEqual(Array.from({ length: 2_345 }, (_, i) => i + 1));
  });

  it("crosses keyset batches without skipping or repeating an entry, even where sequences and dates tie, and a sealed entry in batch 2 stays sealed", async () => {
    // Sequences repeat (two entries each) and every entry has the same date: only (sequence, id)
    // orders them, so a batch boundary inside a tie must resume at the next id.
    const made = Array.from({ length: 11 }, (_, i) =>
      insertEntry(db, caseId, {
        sequence: Math.floor(i / 2) + 1,
        number: i + 1,
        dateFiled: "2025-09-18",
        description: `Open entry ${i + 1}`,
      }),
    );
    // Batch 2 of 3 entries holds the 4th to 6th in docket order; the 5th is sealed.
    const sealed = made[4]!;
    db.update(docketEntries).set({ sealed: true, description: "BATCH-TWO-SEALED-TEXT" }).where(eq(docketEntries.id, sealed.id)).run();
    const deleted = made[7]!;
    db.update(docketEntries)
      .set({ deletedAt: "2025-10-04T00:00:00.000Z", description: "BATCH-THREE-DELETED-TEXT" })
      .where(eq(docketEntries.id, deleted.id))
      .run();
    const live = made.filter((e) => e.id !== deleted.id).sort((a, b) => a.sequence - b.sequence || a.id - b.id);

    for (const batchSize of [1, 2, 3, 4, 500]) {
      let body = "";
      for await (const chunk of docketCsvStream(db, { id: caseId, slug: "doe-v-dhs" }, "http://example.test", batchSize))
        body += String(chunk);
      const rows = parse(body, { columns: true }) as Record<string, string>[];
      expect(
        rows.map((r) => Number(r.permalink!.split("/entries/")[1])),
        `batch of ${batchSize}`,
      ).toEqual(live.map((e) => e.id));
      expect(body).not.toContain("BATCH-TWO-SEALED-TEXT");
      expect(body).not.toContain("BATCH-THREE-DELETED-TEXT");
      expect(rows.find((r) => r.permalink!.endsWith(`/entries/${sealed.id}`))).toMatchObject({
        docket_text: "SEALED",
        sealed: "yes",
        sources: "",
      });
    }
    // The route streams the same rows as the page's projection decides them.
    const { rows } = await csv("/cases/doe-v-dhs/docket.csv");
    expect(rows).toHaveLength(live.length);
  });

  it("is linked from the docket page, and answers 404 for a case the public cannot see", async () => {
    insertCase(db, { slug: "hidden-case", published: false });
    const page = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect(page("a[href$='.csv']").attr("href")).toBe("/cases/doe-v-dhs/docket.csv");
    expect((await app.inject("/cases/hidden-case/docket.csv")).statusCode).toBe(404);
    expect((await app.inject("/cases/nope/docket.csv")).statusCode).toBe(404);
  });
});
