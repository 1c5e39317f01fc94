import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { createTestDb, testClock } from "../support/db";

/*
 * The generator loads in bulk: the staff FTS triggers are set aside while it inserts and each
 * index is rebuilt after. What it leaves must be what the triggers would have left.
 */
describe("the generated record's staff search indexes", () => {
  let db: Db;
  let triggersBefore: unknown[];
  const triggers = () => db.$client.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
  const matches = (index: string, query: string) =>
    (db.$client.prepare(`SELECT count(*) AS n FROM ${index} WHERE ${index} MATCH ?`).get(query) as { n: number }).n;

  beforeAll(() => {
    db = createTestDb();
    triggersBefore = triggers();
    generateRecord(db, { cases: 4, entries: 3_000, bigCase: 1_500, documentEvery: 3, now: testClock.now() });
  });

  it("puts every trigger back as it was", () => {
    expect(triggersBefore.length).toBeGreaterThanOrEqual(6);
    expect(triggers()).toEqual(triggersBefore);
  });

  it("agree with their content tables, row for row (FTS5 integrity-check against the content)", () => {
    for (const index of ["docket_entries_fts", "documents_fts"]) {
      expect(() => db.$client.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
  });

  it("find every generated entry and document by its text", () => {
    const entries = db.$client.prepare("SELECT count(*) AS n FROM docket_entries WHERE description LIKE '%(generated entry %'").get() as {
      n: number;
    };
    expect(entries.n).toBe(3_000);
    expect(matches("docket_entries_fts", '"generated entry"')).toBe(3_000);
    // A document is found by a phrase of its own text, under its own rowid.
    const documents = db.$client
      .prepare(
        "SELECT d.id, d.extracted_text AS text FROM documents d JOIN docket_entries e ON e.id = d.entry_id WHERE e.description LIKE '%(generated entry %' ORDER BY d.id",
      )
      .all() as { id: number; text: string }[];
    expect(documents.length).toBeGreaterThan(900);
    const found = db.$client.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?");
    for (const { id, text } of documents.filter((_, i) => i % 97 === 0)) {
      const phrase = text.split(". ")[1]!.split(" ").slice(0, 4).join(" ");
      expect(found.get(`"${phrase}"`, id)).toEqual({ rowid: id });
    }
  });

  it("are kept by the triggers again once the load is done", () => {
    const entry = db.$client
      .prepare("SELECT id FROM docket_entries WHERE description LIKE '%(generated entry 7 of generated-case-0002)%'")
      .get() as {
      id: number;
    };
    expect(matches("docket_entries_fts", "zanzibarite")).toBe(0);
    db.$client.prepare("UPDATE docket_entries SET description = 'ORDER naming zanzibarite' WHERE id = ?").run(entry.id);
    expect(matches("docket_entries_fts", "zanzibarite")).toBe(1);
    expect(matches("docket_entries_fts", '"generated entry 7 of generated case 0002"')).toBe(0);
    db.$client.prepare("INSERT INTO docket_entries_fts (docket_entries_fts, rank) VALUES ('integrity-check', 1)").run();
  });
});
