import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RELIABILITY_LEVELS } from "../../db/schema";
import { RECORD_TABLES, type EditableType } from "../../server/records/tables";
import { createSeededDb } from "./support";

// Sources are the evidence and fact sources the links; every other seeded record needs a source.
const EVIDENCE_TYPES: EditableType[] = ["source", "fact_source"];

/** Every tag of the research register, section 1. */
const REGISTER_TAGS = [
  ...Array.from({ length: 30 }, (_, i) => `S${String(i + 1).padStart(2, "0")}`),
  "S07b",
  "S11b",
  "S13b",
  "S13c",
  "S14b",
  "S17b",
  "S19b",
  "S27b",
  "S27c",
  ..."abcdefg".split("").map((l) => `S31${l}`),
  ..."abcd".split("").map((l) => `S32${l}`),
  "S33a",
  "S33b",
  "S34a",
  "S34b",
  "S34c",
  "S35a",
  "S35b",
  "S36a",
  "S36b",
  "S36c",
  "S37",
  "S38a",
  "S38b",
  "S39a",
  "S39b",
  "S40a",
  "S40b",
  ...Array.from({ length: 11 }, (_, i) => `S${i + 41}`),
];

describe("the bundled record's sources", () => {
  let db: Db;
  beforeAll(() => {
    db = createSeededDb();
  });

  it("registers every tag of the research register", () => {
    expect(REGISTER_TAGS).toHaveLength(78);
    const tags = new Set(
      db
        .select({ tag: s.sources.tag })
        .from(s.sources)
        .all()
        .map((r) => r.tag),
    );
    for (const tag of REGISTER_TAGS) expect(tags.has(tag), tag).toBe(true);
  });

  it("gives every source a reliability level and the register's note", () => {
    for (const source of db.select().from(s.sources).all()) {
      expect(RELIABILITY_LEVELS, source.tag).toContain(source.reliability);
      expect(source.reliabilityNote, source.tag).toBeTruthy();
      expect(source.title, source.tag).toBeTruthy();
    }
  });

  it("backs every seeded record of every record table with at least one fact source", () => {
    const backed = new Set(
      db
        .select({ type: s.factSources.recordType, id: s.factSources.recordId })
        .from(s.factSources)
        .all()
        .map((r) => `${r.type}:${r.id}`),
    );
    let checked = 0;
    for (const [type, table] of Object.entries(RECORD_TABLES) as [EditableType, (typeof RECORD_TABLES)[EditableType]][]) {
      if (EVIDENCE_TYPES.includes(type)) continue;
      for (const row of db.select().from(table).all() as { id: number | string }[]) {
        expect(backed.has(`${type}:${row.id}`), `${type} ${row.id} has no source`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("points every fact source at an existing source and an existing record", () => {
    const sourceIds = new Set(
      db
        .select({ id: s.sources.id })
        .from(s.sources)
        .all()
        .map((r) => r.id),
    );
    for (const fact of db.select().from(s.factSources).all()) {
      expect(sourceIds.has(fact.sourceId), `fact source ${fact.id}`).toBe(true);
      const table = RECORD_TABLES[fact.recordType as EditableType];
      const idColumn = (table as unknown as { id: typeof s.cases.id }).id;
      const id = fact.recordType === "court" ? fact.recordId : Number(fact.recordId);
      expect(
        db
          .select()
          .from(table)
          .where(eq(idColumn, id as never))
          .get(),
        `${fact.recordType} ${fact.recordId}`,
      ).toBeTruthy();
      expect(fact.verifiedAgainstDocket).toBe(false);
    }
  });

  it("gives every inferred fact a reason, and no reason to facts that are not inferred", () => {
    const facts = db.select().from(s.factSources).all();
    const inferred = facts.filter((f) => f.inferred);
    expect(inferred.length).toBeGreaterThan(10);
    for (const fact of inferred) expect(fact.inferredReason?.trim(), `fact source ${fact.id}`).toBeTruthy();
    for (const fact of facts.filter((f) => !f.inferred)) expect(fact.inferredReason).toBeNull();
  });

  it("marks the dates and the court the research record calls inferred", () => {
    const inferredFields = (table: "case" | "order" | "subpoena", slug: string) => {
      const source = { case: s.cases, order: s.orders, subpoena: s.subpoenas }[table];
      const row = db.select({ id: source.id }).from(source).where(eq(source.slug, slug)).get()!;
      return db
        .select()
        .from(s.factSources)
        .all()
        .filter((f) => f.recordType === table && f.recordId === String(row.id) && f.inferred)
        .map((f) => f.field);
    };
    expect(inferredFields("case", "lbrrn-motion-to-quash")).toContain("courtId");
    expect(inferredFields("case", "montco-doe-v-dhs")).toEqual(expect.arrayContaining(["courtId", "dateFiled"]));
    expect(inferredFields("order", "hixson-non-production-order-2025-09-19")).toContain("dateSigned");
    expect(inferredFields("order", "tse-non-disclosure-order-2025-09")).toContain("dateSigned");
    expect(inferredFields("order", "kang-non-production-order-2025-10-17")).toContain("dateSigned");
    expect(inferredFields("subpoena", "dhs-google-2025-10-30")).toContain("dateIssued");
  });

  it("sources the key fields themselves, not only the record", () => {
    const fieldSources = new Set(
      db
        .select({ type: s.factSources.recordType, id: s.factSources.recordId, field: s.factSources.field })
        .from(s.factSources)
        .all()
        .map((r) => `${r.type}:${r.id}:${r.field}`),
    );
    const keyFields: { type: EditableType; rows: Record<string, unknown>[]; fields: string[] }[] = [
      {
        type: "case",
        rows: db.select().from(s.cases).all(),
        fields: ["courtId", "assignedJudgeId", "dateFiled", "docketNumber", "caption"],
      },
      { type: "subpoena", rows: db.select().from(s.subpoenas).all(), fields: ["dateIssued", "authorityCited", "dateReturn"] },
      { type: "order", rows: db.select().from(s.orders).all(), fields: ["dateSigned", "judgeId", "quotedText"] },
      { type: "judge", rows: db.select().from(s.judges).all(), fields: ["courtId"] },
      { type: "coverage", rows: db.select().from(s.stayCoverages).all(), fields: ["endCondition", "status"] },
    ];
    for (const { type, rows, fields } of keyFields) {
      for (const row of rows) {
        for (const field of fields) {
          if (row[field] === null || row[field] === undefined) continue;
          expect(fieldSources.has(`${type}:${row.id}:${field}`), `${type} ${String(row.slug ?? row.id)} ${field}`).toBe(true);
        }
      }
    }
  });

  it("quotes only short fragments", () => {
    for (const fact of db.select().from(s.factSources).all()) {
      if (fact.quote !== null) expect(fact.quote.split(/\s+/).length, fact.quote).toBeLessThanOrEqual(15);
    }
  });
});
