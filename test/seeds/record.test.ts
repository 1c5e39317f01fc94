import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RECORD_TABLES, type EditableType } from "../../server/records/tables";
import { weekdayOf } from "../../seeds/dates";
import { createSeededDb, textCells } from "./support";

/** What the research record says, checked on the loaded database. */
describe("the bundled record", () => {
  let db: Db;
  beforeAll(() => {
    db = createSeededDb();
  });

  const bySlug = <T extends typeof s.cases | typeof s.subpoenas | typeof s.orders | typeof s.judges>(table: T, slug: string) =>
    db
      .select()
      .from(table as typeof s.cases)
      .where(eq((table as typeof s.cases).slug, slug))
      .get()!;

  it("has Cases 1–12 in order with the agreed slugs", () => {
    const cases = db.select().from(s.cases).orderBy(s.cases.position).all();
    expect(cases.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cases.slice(0, 5).map((c) => c.slug)).toEqual([
      "lbprotest-motion-to-quash",
      "lbrrn-motion-to-quash",
      "cldc-stopice-motion-to-quash",
      "montco-doe-v-dhs",
      "doe-v-dhs-5-26-mc-80026",
    ]);
    expect(cases.map((c) => c.group)).toEqual([
      "meta",
      "meta",
      "meta",
      "meta",
      "other_platform",
      "other_platform",
      "other_platform",
      "other_platform",
      "related",
      "related",
      "related",
      "out_of_scope",
    ]);
  });

  it("records no docket number but 5:26-mc-80026, parsed", () => {
    const numbered = db
      .select()
      .from(s.cases)
      .all()
      .filter((c) => c.docketNumber !== null);
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toMatchObject({
      slug: "doe-v-dhs-5-26-mc-80026",
      docketNumber: "5:26-mc-80026",
      docketNumberCore: "5:26-mc-80026",
      dnOffice: "5",
      dnYear: "26",
      dnType: "mc",
      dnSerial: "80026",
      dnJudgeInitials: null,
    });
    // Nor does any text of the tracker's own records carry another one (authorities cite other courts' cases).
    const docketLike = /\b(?:\d{1,2}:)?\d{2}-(?:cv|mc|cr|gj|misc)-\d{3,6}\b/gi;
    for (const cell of textCells(db, { skipTables: ["authorities", "revisions", "public_search_fts", "public_search_fts_content"] })) {
      if (cell.table === "sources" && String(cell.row.tag).startsWith("L-")) continue;
      for (const match of cell.value.match(docketLike) ?? []) {
        // The Case 5 slug spells the number with a hyphen for the colon.
        const allowed = cell.column === "slug" ? ["26-mc-80026"] : ["5:26-mc-80026"];
        expect(allowed, `${cell.table}.${cell.column}: ${match}`).toContain(match);
      }
    }
    // Docket entries known from the press carry no ECF numbers.
    expect(
      db
        .select()
        .from(s.docketEntries)
        .all()
        .every((e) => e.number === null && e.source === "press"),
    ).toBe(true);
  });

  it('names Judge Hixson "Thomas S. Hixson" and attaches Q1', () => {
    const hixson = bySlug(s.judges, "thomas-s-hixson") as unknown as typeof s.judges.$inferSelect;
    expect(hixson.name).toBe("Thomas S. Hixson");
    expect(hixson.title).toBe("U.S. Magistrate Judge");
    expect(
      db
        .select()
        .from(s.judges)
        .all()
        .some((j) => j.name.includes("X.")),
    ).toBe(false);
    const q1 = db.select().from(s.conflicts).where(eq(s.conflicts.code, "Q1")).get()!;
    const affected = db.select().from(s.conflictRecords).where(eq(s.conflictRecords.conflictId, q1.id)).all();
    expect(affected).toContainEqual(expect.objectContaining({ recordType: "judge", recordId: String(hixson.id), field: "name" }));
    const judges = db
      .select({ slug: s.judges.slug })
      .from(s.judges)
      .all()
      .map((j) => j.slug);
    expect(judges.sort()).toEqual(["alex-g-tse", "james-boasberg", "peter-h-kang", "thomas-s-hixson"]);
  });

  it("keeps the five pseudonymous Does as distinct parties in distinct cases", () => {
    const does = db
      .select()
      .from(s.parties)
      .where(inArray(s.parties.name, ["J. Doe", "Jon Doe", "John Doe"]))
      .all();
    expect(does).toHaveLength(5);
    expect(new Set(does.map((d) => d.caseId)).size).toBe(5);
    expect(does.every((d) => d.pseudonymous)).toBe(true);
    const caseSlugs = does.map((d) => db.select().from(s.cases).where(eq(s.cases.id, d.caseId)).get()!.slug).sort();
    expect(caseSlugs).toEqual([
      "canadian-doe-v-mullin",
      "doe-v-dhs-5-26-mc-80026",
      "lbprotest-motion-to-quash",
      "montco-doe-v-dhs",
      "reddit-oregon-doe-summons-challenge",
    ]);
  });

  it("has Q1–Q14, each affecting at least one existing record", () => {
    const conflicts = db.select().from(s.conflicts).all();
    expect(conflicts.map((c) => c.code).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(
      Array.from({ length: 14 }, (_, i) => `Q${i + 1}`),
    );
    for (const conflict of conflicts) {
      const records = db.select().from(s.conflictRecords).where(eq(s.conflictRecords.conflictId, conflict.id)).all();
      expect(records.length, conflict.code).toBeGreaterThan(0);
      for (const record of records) {
        const table = RECORD_TABLES[record.recordType as EditableType];
        const idColumn = (table as unknown as { id: typeof s.cases.id }).id;
        const id = record.recordType === "court" ? record.recordId : Number(record.recordId);
        expect(
          db
            .select()
            .from(table)
            .where(eq(idColumn, id as never))
            .get(),
          `${conflict.code} → ${record.recordType}`,
        ).toBeTruthy();
      }
    }
  });

  it("leaves the 3 Sep 2025 subpoena's statute unknown and shows Q4 on it", () => {
    const subpoena = bySlug(s.subpoenas, "dhs-meta-2025-09-03") as unknown as typeof s.subpoenas.$inferSelect;
    expect(subpoena.authorityCited).toBeNull();
    expect(subpoena.accountsCovered).toBe(6);
    const q4 = db.select().from(s.conflicts).where(eq(s.conflicts.code, "Q4")).get()!;
    expect(
      db
        .select()
        .from(s.conflictRecords)
        .where(and(eq(s.conflictRecords.conflictId, q4.id), eq(s.conflictRecords.recordId, String(subpoena.id))))
        .all()
        .map((r) => r.field),
    ).toContain("authorityCited");
  });

  it("withdraws the 3 Sep 2025 subpoena by an event in November 2025, month precision", () => {
    const subpoena = bySlug(s.subpoenas, "dhs-meta-2025-09-03");
    const withdrawals = db
      .select()
      .from(s.events)
      .where(and(eq(s.events.subpoenaId, subpoena.id), eq(s.events.kind, "withdrawal")))
      .all();
    expect(withdrawals).toHaveLength(1);
    expect(withdrawals[0]).toMatchObject({ date: "2025-11-01", dateLatest: "2025-11-30", datePrecision: "month" });
  });

  it("has a withdrawal event for every demand the sources say was withdrawn, and none for the rest", () => {
    const withdrawn = db
      .select({ slug: s.subpoenas.slug })
      .from(s.events)
      .innerJoin(s.subpoenas, eq(s.events.subpoenaId, s.subpoenas.id))
      .where(eq(s.events.kind, "withdrawal"))
      .all()
      .map((r) => r.slug)
      .sort();
    expect(withdrawn).toEqual([
      "dhs-google-2025-10-30",
      "dhs-meta-2025-09-03",
      "dhs-meta-2025-09-11-montco-summonses",
      "ice-reddit-2026-03",
    ]);
  });

  it("has the Kang order cover the MontCo summonses until further order of the Court, now moot", () => {
    const order = bySlug(s.orders, "kang-non-production-order-2025-10-17") as unknown as typeof s.orders.$inferSelect;
    const montco = bySlug(s.subpoenas, "dhs-meta-2025-09-11-montco-summonses");
    const meta = db.select().from(s.organizations).where(eq(s.organizations.slug, "meta")).get()!;
    const coverages = db.select().from(s.stayCoverages).where(eq(s.stayCoverages.orderId, order.id)).all();
    expect(coverages.length).toBeGreaterThan(0);
    for (const coverage of coverages) {
      expect(coverage).toMatchObject({
        subpoenaId: montco.id,
        addresseeId: meta.id,
        endCondition: "until further order of the Court",
        status: "moot",
        statusReason: "subpoena withdrawn",
      });
    }
    expect(order).toMatchObject({ dateSigned: "2025-10-17", dateSignedPrecision: "day" });
    expect(order.quotedText).toContain("without further order of the Court");
  });

  it("dates the Hixson and Tse orders as the research infers them", () => {
    expect(bySlug(s.orders, "hixson-non-production-order-2025-09-19")).toMatchObject({
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    expect(bySlug(s.orders, "tse-non-disclosure-order-2025-09")).toMatchObject({
      dateSigned: "2025-09-19",
      dateSignedLatest: "2025-09-26",
      dateSignedPrecision: "range",
    });
  });

  it("keeps the MontCo hearing's date and outcome open (Q6)", () => {
    const hearings = db.select().from(s.hearings).all();
    expect(hearings).toHaveLength(1);
    expect(hearings[0]).toMatchObject({
      date: "2026-01-14",
      dateLatest: "2026-01-21",
      datePrecision: "weekday",
      status: "unknown",
      judgeId: null,
    });
  });

  it("stores fuzzy dates consistently: earliest day first, weekday windows on one weekday", () => {
    const isoDay = /^\d{4}-\d{2}-\d{2}$/;
    const quartets: { rows: Record<string, unknown>[]; prefix: string }[] = [
      { rows: db.select().from(s.events).all(), prefix: "date" },
      { rows: db.select().from(s.hearings).all(), prefix: "date" },
      { rows: db.select().from(s.orders).all(), prefix: "dateSigned" },
      { rows: db.select().from(s.cases).all(), prefix: "dateFiled" },
      { rows: db.select().from(s.motions).all(), prefix: "dateFiled" },
      { rows: db.select().from(s.subpoenas).all(), prefix: "dateIssued" },
    ];
    for (const { rows, prefix } of quartets) {
      for (const row of rows) {
        const date = row[prefix] as string | null;
        const latest = row[`${prefix}Latest`] as string | null;
        const precision = row[`${prefix}Precision`] as string | null;
        const where = `${String(row.slug ?? row.id)} ${prefix}`;
        if (precision === "unknown") {
          expect(date, where).toBeNull();
          expect(row[`${prefix}Label`], where).toBeTruthy();
          continue;
        }
        expect(date, where).toMatch(isoDay);
        if (latest !== null) expect(latest >= date!, where).toBe(true);
        if (precision === "range" || precision === "weekday") expect(latest, where).toMatch(isoDay);
        if (precision === "weekday") expect(weekdayOf(latest!), where).toBe(weekdayOf(date!));
      }
    }
  });

  it("gives every event a kind and links the events' actors to existing records", () => {
    const events = db.select().from(s.events).all();
    expect(events.length).toBeGreaterThanOrEqual(45);
    for (const link of db.select().from(s.eventLinks).all()) {
      const table = RECORD_TABLES[link.recordType as EditableType];
      const idColumn = (table as unknown as { id: typeof s.cases.id }).id;
      const id = link.recordType === "court" ? link.recordId : Number(link.recordId);
      expect(
        db
          .select()
          .from(table)
          .where(eq(idColumn, id as never))
          .get(),
        `${link.recordType} ${link.recordId}`,
      ).toBeTruthy();
    }
  });

  it("records counsel as reported or quoted, never as of record", () => {
    const standings = new Set(
      db
        .select({ standing: s.representations.standing })
        .from(s.representations)
        .all()
        .map((r) => r.standing),
    );
    expect(standings.has("of_record")).toBe(false);
  });
});
