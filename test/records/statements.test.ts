import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as s from "../../db/schema";
import { insertReturning, selectById, updateIfVersion } from "../../server/records/statements";
import { createTestDb } from "../support/db";

describe("prepared record statements", () => {
  it("reads back exactly what drizzle reads, booleans included", () => {
    const db = createTestDb();
    const kase = insertReturning(db, s.cases, { slug: "c", label: "C", createdAt: "t", updatedAt: "t", version: 1 });
    const entry = insertReturning(db, s.docketEntries, {
      caseId: kase.id,
      sequence: 1.5,
      dateFiled: "2025-09-18",
      description: "x",
      sealed: true,
      createdAt: "t",
      updatedAt: "t",
      version: 1,
    });
    const viaDrizzle = db
      .select()
      .from(s.docketEntries)
      .where(eq(s.docketEntries.id, Number(entry.id)))
      .get();
    expect(entry).toEqual(viaDrizzle);
    expect(selectById(db, s.docketEntries, Number(entry.id))).toEqual(viaDrizzle);
    expect(entry.sealed).toBe(true);
  });

  it("updates only when the version still matches", () => {
    const db = createTestDb();
    const kase = insertReturning(db, s.cases, { slug: "c", label: "C", createdAt: "t", updatedAt: "t", version: 1 });
    expect(updateIfVersion(db, s.cases, Number(kase.id), 2, { label: "stale", version: 3 })).toBe(0);
    expect(updateIfVersion(db, s.cases, Number(kase.id), 1, { label: "fresh", version: 2 })).toBe(1);
    expect(selectById(db, s.cases, Number(kase.id))).toMatchObject({ label: "fresh", version: 2 });
  });

  it("keeps text ids (courts) as text", () => {
    const db = createTestDb();
    insertReturning(db, s.courts, {
      id: "cand",
      name: "N.D. Cal.",
      shortName: "N.D. Cal.",
      timeZone: "America/Los_Angeles",
      createdAt: "t",
      updatedAt: "t",
      version: 1,
    });
    expect(selectById(db, s.courts, "cand")).toMatchObject({ id: "cand", timeZone: "America/Los_Angeles" });
  });
});
