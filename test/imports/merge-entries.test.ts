import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createTestDb } from "../support/db";
import { citeSource, insertCase, insertCourt, insertEntry, insertMotion, insertSource } from "../support/factories";
import { fixtureBytes, importOk, tempDataDir } from "./support";

/** cand_7.html with entry 3's text replaced, to bring a motion or a sealed filing onto a real docket. */
function cand7With(entry3Text: string): Buffer {
  const html = fixtureBytes("district/cand_7.html").toString("utf8");
  if (!html.includes("Proposed Summons.")) throw new Error("fixture changed");
  return Buffer.from(html.replace("Proposed Summons.", entry3Text));
}

describe("matching and upgrading docket entries", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  function trackedCase() {
    insertCourt(db);
    return insertCase(db, {
      slug: "t-v-openai",
      courtId: "cand",
      docketNumber: "3:23-cv-04557",
      docketNumberCore: "3:23-cv-04557",
      label: "T. v. OpenAI",
    });
  }

  it("matches the tracked case by court and core number and keeps its slug and label", async () => {
    const kase = trackedCase();
    const report = await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    expect(db.select().from(s.cases).all()).toHaveLength(1);
    expect(report.cases[0]).toMatchObject({ id: kase.id, action: "updated" });
    expect(db.select().from(s.cases).get()).toMatchObject({
      slug: "t-v-openai",
      label: "T. v. OpenAI",
      docketNumber: "3:23-cv-04557-JCS",
      caption: "T. v. OpenAI LP",
    });
  });

  it("upgrades a press placeholder of the same day and kind, and retires its inferred date", async () => {
    const kase = trackedCase();
    const press = insertSource(db, { tag: "S99", reliability: "reliable_press" });
    const placeholder = insertEntry(db, kase.id, {
      number: null,
      sequence: 1,
      dateFiled: "2023-09-05",
      description: "Complaint filed (reported).",
      kind: "complaint",
      source: "press",
    });
    citeSource(db, "entry", placeholder.id, press.id);
    citeSource(db, "entry", placeholder.id, press.id, { field: "dateFiled", inferred: true, inferredReason: "the story says Tuesday" });

    await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    const entries = db.select().from(s.docketEntries).orderBy(s.docketEntries.sequence).all();
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatchObject({
      id: placeholder.id,
      number: 1,
      source: "pacer_docket",
      kind: "complaint",
      pacerDocId: "035023513538",
    });
    expect(entries[0]!.description).toMatch(/^COMPLAINT against Microsoft Corporation/);
    const liveDateCitations = db
      .select()
      .from(s.factSources)
      .where(and(eq(s.factSources.recordId, String(placeholder.id)), eq(s.factSources.field, "dateFiled"), isNull(s.factSources.deletedAt)))
      .all();
    expect(liveDateCitations.map((c) => [c.inferred, c.verifiedAgainstDocket])).toEqual([[false, true]]);
  });

  it("enriches a staff-entered entry without overwriting the staff's words", async () => {
    const kase = trackedCase();
    const staff = insertEntry(db, kase.id, {
      number: 3,
      sequence: 1,
      dateFiled: "2023-09-06",
      description: "Plaintiffs' proposed summons.",
      source: "manual",
    });
    const report = await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    const after = db.select().from(s.docketEntries).where(eq(s.docketEntries.id, staff.id)).get()!;
    expect(after).toMatchObject({
      description: "Plaintiffs' proposed summons.",
      source: "manual",
      originalText: "Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)",
      pacerDocId: "035023515222",
      dateEntered: "2023-09-06",
    });
    expect(report.notes.join(" ")).toContain("entry 3: the staff text was kept");
  });

  it("orders new entries by PACER's sequence around the ones already there", async () => {
    const kase = trackedCase();
    insertEntry(db, kase.id, {
      number: 6,
      sequence: 10,
      dateFiled: "2023-09-06",
      description: "Scheduling order",
      source: "manual",
      pacerSeqNo: "27",
    });
    await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    const order = db.select({ n: s.docketEntries.number }).from(s.docketEntries).orderBy(s.docketEntries.sequence).all();
    expect(order.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("creates a motion for an entry that brings one, with its computed deadlines, once", async () => {
    await importOk(db, dataDir, "cand_7.html", cand7With("MOTION to Quash Administrative Subpoena filed by J. Doe."));
    const entry = db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).get()!;
    const motion = db.select().from(s.motions).get()!;
    expect(motion).toMatchObject({
      entryId: entry.id,
      kind: "motion_to_quash",
      title: "Motion to Quash Administrative Subpoena",
      dateFiled: "2023-09-06",
      track: "noticed",
      status: "pending",
    });
    const deadlines = db.select().from(s.deadlines).where(eq(s.deadlines.motionId, motion.id)).all();
    expect(deadlines.map((d) => d.label).sort()).toEqual(["Earliest hearing date", "Opposition due", "Reply due"]);
    expect(deadlines.find((d) => d.label === "Opposition due")!.dateDue).toBe("2023-09-20");

    // The same docket saved again: no second motion, no new deadlines.
    const again = Buffer.concat([cand7With("MOTION to Quash Administrative Subpoena filed by J. Doe."), Buffer.from("<!-- again -->")]);
    await importOk(db, dataDir, "cand_7_again.html", again);
    expect(db.select().from(s.motions).all()).toHaveLength(1);
    expect(db.select().from(s.deadlines).all()).toHaveLength(3);
  });

  it("links a motion already recorded from the press instead of duplicating it", async () => {
    const kase = trackedCase();
    const known = insertMotion(db, kase.id, {
      kind: "motion_to_quash",
      title: "Motion to quash (reported)",
      dateFiled: "2023-09-01",
      dateFiledLatest: "2023-09-30",
      dateFiledPrecision: "range",
    });
    await importOk(db, dataDir, "cand_7.html", cand7With("MOTION to Quash Administrative Subpoena filed by J. Doe."));
    const motions = db.select().from(s.motions).all();
    expect(motions).toHaveLength(1);
    expect(motions[0]).toMatchObject({
      id: known.id,
      title: "Motion to quash (reported)",
      dateFiled: "2023-09-06",
      dateFiledPrecision: "day",
      dateFiledLatest: null,
    });
    expect(motions[0]!.entryId).not.toBeNull();
  });

  it("marks an entry sealed when its text says so, and makes no public motion of it", async () => {
    await importOk(db, dataDir, "cand_7.html", cand7With("SEALED MOTION to Quash filed by J. Doe."));
    expect(db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).get()!.sealed).toBe(true);
    expect(db.select().from(s.motions).all()).toEqual([]);
  });

  it("does not mistake a motion to seal for a sealed entry", async () => {
    await importOk(db, dataDir, "cand_7.html", cand7With("ADMINISTRATIVE MOTION to File Under Seal filed by J. Doe."));
    expect(db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).get()!.sealed).toBe(false);
    expect(db.select().from(s.motions).get()).toMatchObject({ kind: "motion_to_seal", track: "administrative" });
  });
});
