import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { createRecordStore } from "../../server/records/store";
import { RECORD_TABLES, type EditableType } from "../../server/records/tables";
import { isDatabaseEmpty, seedDatabase } from "../../seeds/load";
import { createTestDb, testActor, testClock } from "../support/db";
import { rowCounts } from "./support";

describe("seedDatabase", () => {
  it("loads the whole record into an empty database", () => {
    const db = createTestDb();
    expect(isDatabaseEmpty(db)).toBe(true);
    const result = seedDatabase(db, { clock: testClock });
    expect(result.unchanged).toBe(0);
    expect(result.created).toMatchObject({ cases: 12, conflicts: 14, judges: 4 });
    expect(result.created.sources).toBeGreaterThanOrEqual(78);
    expect(isDatabaseEmpty(db)).toBe(false);
    // `created` counts exactly what is in the database.
    const counts = rowCounts(db);
    for (const [table, n] of Object.entries(result.created)) expect(counts[table], table).toBe(n);
  });

  it("changes nothing when loaded twice: same rows, no new revisions", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock });
    const before = rowCounts(db);
    const second = seedDatabase(db, { clock: testClock });
    expect(second.created).toEqual({});
    expect(second.unchanged).toBeGreaterThan(1000);
    expect(rowCounts(db)).toEqual(before);
  });

  it("writes a creation revision by the seed actor for every record", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock });
    for (const [type, table] of Object.entries(RECORD_TABLES) as [EditableType, (typeof RECORD_TABLES)[EditableType]][]) {
      const rows = db.select().from(table).all() as { id: number | string }[];
      const created = db
        .select({ recordId: s.revisions.recordId, actor: s.revisions.actor })
        .from(s.revisions)
        .where(and(eq(s.revisions.recordType, type), eq(s.revisions.action, "create")))
        .all();
      expect(created.length, type).toBe(rows.length);
      expect(new Set(created.map((r) => r.actor))).toEqual(rows.length ? new Set(["seed"]) : new Set());
    }
  });

  it("leaves records staff edited, re-slugged or deleted alone on a later load", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock });
    const store = createRecordStore(db, testClock);
    const montco = db.select().from(s.cases).where(eq(s.cases.slug, "montco-doe-v-dhs")).get()!;
    const judge = db.select().from(s.judges).where(eq(s.judges.slug, "alex-g-tse")).get()!;
    const party = db.select().from(s.parties).where(eq(s.parties.caseId, montco.id)).get()!;
    store.update("case", montco.id, { label: "Edited by staff" }, { actor: testActor });
    store.update("judge", judge.id, { slug: "alex-tse" }, { actor: testActor });
    store.update("party", party.id, { name: "J. Doe (renamed)" }, { actor: testActor });
    store.remove("party", party.id, { actor: testActor });
    const before = rowCounts(db);

    const again = seedDatabase(db, { clock: testClock });

    expect(again.created).toEqual({});
    expect(rowCounts(db)).toEqual(before);
    expect(store.find("case", montco.id)!.label).toBe("Edited by staff");
    expect(store.find("judge", judge.id)!.slug).toBe("alex-tse");
    expect(store.find("party", party.id)!.deletedAt).not.toBeNull();
  });

  it("uses a record staff created with the same slug before seeding, without adding sources to it", () => {
    const db = createTestDb();
    const store = createRecordStore(db, testClock);
    const court = store.insert(
      "court",
      { id: "cand", name: "N.D. Cal. (staff)", shortName: "N.D. Cal.", timeZone: "America/Los_Angeles" },
      { actor: testActor },
    );
    const judge = store.insert(
      "judge",
      { slug: "peter-h-kang", name: "Peter Kang", title: "Judge", courtId: court.id },
      { actor: testActor },
    );

    seedDatabase(db, { clock: testClock });

    expect(db.select().from(s.judges).where(eq(s.judges.slug, "peter-h-kang")).all()).toHaveLength(1);
    expect(store.find("judge", judge.id)!.name).toBe("Peter Kang");
    const kangSources = db
      .select()
      .from(s.factSources)
      .where(and(eq(s.factSources.recordType, "judge"), eq(s.factSources.recordId, String(judge.id))))
      .all();
    expect(kangSources).toEqual([]);
    const montco = db.select().from(s.cases).where(eq(s.cases.slug, "montco-doe-v-dhs")).get()!;
    expect(montco.assignedJudgeId).toBe(judge.id);
  });

  it("accepts another actor label", () => {
    const db = createTestDb();
    seedDatabase(db, { clock: testClock, actor: { userId: null, label: "cli" } });
    const actors = db.selectDistinct({ actor: s.revisions.actor }).from(s.revisions).all();
    expect(actors).toEqual([{ actor: "cli" }]);
  });
});
