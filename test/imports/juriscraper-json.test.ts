import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { FIXTURES_DIR } from "../pacer/fixtures";
import { createTestDb } from "../support/db";
import { fixtureBytes, importFiles, importOk, tableCounts, tempDataDir } from "./support";

/*
 * Issue 19.6: juriscraper's own JSON for a docket (what `quash parse docket` prints, and what
 * juriscraper's DocketReport gives) imports as the PACER page does: the same merge, the same
 * idempotency, the same default for a new case (not published, "unsorted").
 */
const JSON_FIXTURES = readdirSync(join(FIXTURES_DIR, "district")).filter((f) => f.startsWith("cand") && f.endsWith(".json"));

/** What a docket import leaves in the database, without ids or clocks. */
function snapshot(db: Db) {
  const cases = db
    .select()
    .from(s.cases)
    .all()
    .map((c) => ({
      docketNumber: c.docketNumber,
      caption: c.caption,
      courtId: c.courtId,
      dateFiled: c.dateFiled,
      published: c.published,
      group: c.group,
    }));
  const entries = db
    .select()
    .from(s.docketEntries)
    .all()
    .map((e) => ({ number: e.number, dateFiled: e.dateFiled, dateEntered: e.dateEntered, description: e.description, source: e.source }));
  const parties = db
    .select()
    .from(s.parties)
    .all()
    .map((p) => ({ name: p.name, role: p.role }));
  return { cases, entries, parties };
}

describe("importing juriscraper's docket JSON", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  it("has N.D. Cal. fixtures to read", () => {
    expect(JSON_FIXTURES.length).toBeGreaterThan(0);
  });

  it.each(JSON_FIXTURES)("merges %s as its PACER page merges, and a second import changes nothing", async (name) => {
    const report = await importOk(db, dataDir, name, fixtureBytes(`district/${name}`));
    expect(report.kind).toBe("docket");
    const fromJson = snapshot(db);
    expect(fromJson.cases).toHaveLength(1);
    expect(fromJson.cases[0]).toMatchObject({ published: false, group: "unsorted", courtId: "cand" });

    // The same file again is recognised and changes nothing, as for a page.
    const counts = tableCounts(db);
    const again = await importOk(db, dataDir, name, fixtureBytes(`district/${name}`));
    expect(again.status).toBe("already-imported");
    expect(again.changes).toEqual([]);
    expect(tableCounts(db)).toEqual(counts);
    // The same docket as another JSON file (reformatted) merges without touching a record.
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(fixtureBytes(`district/${name}`).toString("utf8"))));
    const merged = await importOk(db, dataDir, `again-${name}`, reformatted);
    expect(merged.changes.filter((c) => c.action !== "unchanged")).toEqual([]);

    const pageDb = createTestDb();
    await importOk(pageDb, tempDataDir(), name.replace(/\.json$/, ".html"), fixtureBytes(`district/${name.replace(/\.json$/, ".html")}`));
    expect(fromJson).toEqual(snapshot(pageDb));
  });

  it("refuses JSON that is not juriscraper's docket, naming the field, and writes nothing", async () => {
    const before = tableCounts(db);
    const bad: [string, string, RegExp][] = [
      ["broken.json", "{ not json", /not valid JSON/],
      ["list.json", JSON.stringify({ cases: [] }), /no docket_entries/],
      [
        "number.json",
        JSON.stringify({ docket_number: "", case_name: "X", docket_entries: [] }),
        /docket_number must be the case's docket number/,
      ],
      [
        "date.json",
        JSON.stringify({
          court_id: "cand",
          docket_number: "3:25-mc-1",
          case_name: "X",
          docket_entries: [{ date_filed: "18/09/2025", description: "x" }],
        }),
        /docket_entries\.0\.date_filed must be a date/,
      ],
    ];
    for (const [file, body, reason] of bad) {
      const [outcome] = await importFiles(db, dataDir, [[file, Buffer.from(body)]]);
      expect(outcome?.ok, file).toBe(false);
      if (outcome?.ok === false) expect(outcome.error, file).toMatch(reason);
    }
    expect(tableCounts(db)).toEqual(before);
  });
});
