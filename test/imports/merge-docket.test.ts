import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createTestDb } from "../support/db";
import { fixtureBytes, importOk, tableCounts, tempDataDir } from "./support";

describe("importing a district docket report", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  it("creates the court, case, judge, parties, counsel and entries of cand.html", async () => {
    const report = await importOk(db, dataDir, "cand.html", fixtureBytes("district/cand.html"));
    expect(report.kind).toBe("docket");
    expect(report.courtId).toBe("cand");
    expect(report.counts.case).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.counts.entry?.created).toBe(3);
    expect(report.counts.party?.created).toBe(3);

    const kase = db.select().from(s.cases).get()!;
    expect(kase).toMatchObject({
      slug: "cand-3-08-cv-00159",
      courtId: "cand",
      docketNumber: "3:08-cv-00159-WHA",
      docketNumberCore: "3:08-cv-00159",
      dnJudgeInitials: "WHA",
      caption: "Balbo v. Tilton",
      label: "Balbo v. Tilton",
      // Nobody said where it belongs or that the public may see it: staff decide (server/publication).
      group: "unsorted",
      published: false,
      dateFiled: "2008-01-11",
      dateFiledPrecision: "day",
      dateTerminated: "2008-01-18",
      cause: "28:2254 Petition for Writ of Habeas Corpus (State)",
    });
    const court = db.select().from(s.courts).get()!;
    expect(court).toMatchObject({ id: "cand", shortName: "N.D. Cal.", timeZone: "America/Los_Angeles" });
    const judge = db.select().from(s.judges).get()!;
    expect(judge).toMatchObject({ name: "William Alsup", title: "Judge", courtId: "cand", initials: "WHA" });
    expect(kase.assignedJudgeId).toBe(judge.id);

    const parties = db.select().from(s.parties).all();
    expect(parties.map((p) => [p.name, p.role, p.pseudonymous])).toEqual([
      ["John Michael Balbo", "Petitioner", false],
      ["James E. Tilton", "Defendant", false],
      ["Warden  Ken Clark", "Defendant", false],
    ]);
    expect(parties[1]!.extraInfo).toBe("Secretary CDCR");
    const attorney = db.select().from(s.attorneys).get()!;
    expect(attorney.name).toBe("John Michael Balbo");
    expect(attorney.contact).toContain("PO Box 5242");
    expect(db.select().from(s.representations).get()).toMatchObject({
      partyId: parties[0]!.id,
      attorneyId: attorney.id,
      standing: "of_record",
    });
  });

  it("keeps the date filed and the date entered apart", async () => {
    await importOk(db, dataDir, "cand.html", fixtureBytes("district/cand.html"));
    const entries = db.select().from(s.docketEntries).orderBy(s.docketEntries.sequence).all();
    expect(entries.map((e) => [e.number, e.dateFiled, e.dateEntered])).toEqual([
      [1, "2008-01-11", "2008-01-14"],
      [2, "2008-01-11", "2008-01-14"],
      [3, "2008-01-18", "2008-01-18"],
    ]);
    expect(entries[2]).toMatchObject({ source: "pacer_docket", kind: "order", pacerDocId: "03504231050", pacerSeqNo: "11" });
    expect(entries[0]!.originalText).toBe(entries[0]!.description);
    expect(entries[0]!.filedBy).toBe("John Michael Balbo");
  });

  it("stores the original file once under DATA_DIR and records the import and what it touched", async () => {
    const bytes = fixtureBytes("district/cand.html");
    const report = await importOk(db, dataDir, "cand.html", bytes);
    const file = db.select().from(s.files).get()!;
    expect(file.sha256).toBe(report.sha256);
    expect(file.storagePath).toBe(join("files", report.sha256.slice(0, 2), report.sha256));
    expect(readFileSync(join(dataDir, file.storagePath)).equals(bytes)).toBe(true);

    const row = db.select().from(s.imports).get()!;
    expect(row).toMatchObject({ id: report.importId, kind: "docket", fileSha256: report.sha256, courtId: "cand", actor: "test" });
    expect(JSON.parse(row.summary).counts.entry.created).toBe(3);
    const touched = db.select().from(s.importRecords).where(eq(s.importRecords.importId, row.id)).all();
    expect(touched.filter((r) => r.recordType === "entry")).toHaveLength(3);
    expect(touched.every((r) => r.action === "created")).toBe(true);

    const revision = db.select().from(s.revisions).where(eq(s.revisions.recordType, "case")).get()!;
    expect(revision.actor).toBe(`import #${row.id} by test`);
  });

  it("cites the import's source on every imported fact, checked against the docket", async () => {
    const report = await importOk(db, dataDir, "cand.html", fixtureBytes("district/cand.html"));
    const source = db.select().from(s.sources).get()!;
    expect(source).toMatchObject({
      tag: `PACER-${report.sha256.slice(0, 8)}`,
      title: "PACER docket report of 2017-06-13",
      publisher: "PACER (U.S. courts)",
      reliability: "court_record",
      datePublished: "2017-06-13",
    });
    expect(report.source).toEqual({ tag: source.tag, title: source.title });
    const imports = db.select().from(s.imports).get()!;
    expect(imports.sourceId).toBe(source.id);
    for (const type of ["case", "entry", "party", "judge", "attorney", "representation", "court"] as const) {
      const rows = db
        .select()
        .from(s.factSources)
        .where(and(eq(s.factSources.recordType, type), eq(s.factSources.sourceId, source.id)))
        .all();
      expect(rows.length, type).toBeGreaterThan(0);
      expect(rows.every((r) => r.verifiedAgainstDocket && !r.inferred)).toBe(true);
    }
    const entryIds = db
      .select({ id: s.docketEntries.id })
      .from(s.docketEntries)
      .all()
      .map((e) => String(e.id));
    const cited = db.select().from(s.factSources).where(eq(s.factSources.recordType, "entry")).all();
    for (const id of entryIds) expect(cited.some((c) => c.recordId === id && c.field === null)).toBe(true);
  });

  it("changes nothing when the same file is imported again", async () => {
    const bytes = fixtureBytes("district/cand.html");
    const first = await importOk(db, dataDir, "cand.html", bytes);
    const before = tableCounts(db);
    const again = await importOk(db, dataDir, "cand.html", bytes);
    expect(again.status).toBe("already-imported");
    expect(again.previousImportId).toBe(first.importId);
    expect(again.changes).toEqual([]);
    expect(tableCounts(db)).toEqual(before);
  });

  it("merges the same content from another file without touching a record", async () => {
    const bytes = fixtureBytes("district/cand.html");
    await importOk(db, dataDir, "cand.html", bytes);
    const before = tableCounts(db);
    // A second save of the same page: other bytes, same docket.
    const resaved = Buffer.concat([bytes, Buffer.from("\n<!-- saved again -->\n")]);
    const report = await importOk(db, dataDir, "cand_again.html", resaved);
    expect(report.status).toBe("imported");
    expect(report.changes.every((c) => c.action === "unchanged")).toBe(true);
    expect(report.source).toBeNull();
    const after = tableCounts(db);
    for (const table of [
      "cases",
      "docket_entries",
      "parties",
      "attorneys",
      "representations",
      "judges",
      "revisions",
      "fact_sources",
      "sources",
    ]) {
      expect(after[table], table).toBe(before[table]);
    }
    // The new file is still recorded, with what it matched.
    expect(after.imports).toBe(before.imports! + 1);
    expect(after.files).toBe(before.files! + 1);
  });

  it("imports a 'view multiple documents' report's documents with page counts and sizes", async () => {
    await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    const judge = db.select().from(s.judges).get()!;
    expect(judge).toMatchObject({ name: "Joseph C. Spero", title: "Magistrate Judge", initials: "JCS" });
    const complaint = db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 1)).get()!;
    const docs = db.select().from(s.documents).where(eq(s.documents.entryId, complaint.id)).orderBy(s.documents.attachmentNumber).all();
    expect(docs.map((d) => [d.attachmentNumber, d.description, d.pageCount, d.fileSizeText, d.pacerDocId])).toEqual([
      [0, null, 121, "1.0 MB", "035023513538"],
      [1, "Civil Cover Sheet", 2, "248.8 KB", "035023513539"],
    ]);
    expect(complaint.kind).toBe("complaint");
    // Pro hac vice applications are motions in form only: no motion records, no deadlines.
    expect(db.select().from(s.motions).all()).toEqual([]);
  });

  it("updates the same case when the judge initials change on reassignment, keeping the old number in a revision", async () => {
    const original = fixtureBytes("district/cand.html").toString("utf8");
    await importOk(db, dataDir, "cand.html", Buffer.from(original));
    const reassigned = original
      .replaceAll("3:08-cv-00159-WHA", "3:08-cv-00159-JCS")
      .replace("Assigned to: Hon. William Alsup", "Assigned to: Magistrate Judge Joseph C. Spero")
      .replace("06/13/2017", "07/01/2017");
    const report = await importOk(db, dataDir, "cand.html", Buffer.from(reassigned));

    const cases = db.select().from(s.cases).all();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ docketNumber: "3:08-cv-00159-JCS", dnJudgeInitials: "JCS", docketNumberCore: "3:08-cv-00159" });
    const spero = db.select().from(s.judges).where(eq(s.judges.name, "Joseph C. Spero")).get()!;
    expect(spero).toMatchObject({ title: "Magistrate Judge", initials: "JCS" });
    expect(cases[0]!.assignedJudgeId).toBe(spero.id);
    const caseChange = report.changes.find((c) => c.recordType === "case")!;
    expect(caseChange.action).toBe("updated");
    expect(caseChange.description).toContain("judge initials WHA → JCS");
    const revisions = db.select().from(s.revisions).where(eq(s.revisions.recordType, "case")).all();
    expect(revisions).toHaveLength(2);
    expect(JSON.parse(revisions[1]!.before!).docketNumber).toBe("3:08-cv-00159-WHA");
    expect(db.select().from(s.docketEntries).all()).toHaveLength(3);
  });

  it("does not let an older report undo what a newer one wrote", async () => {
    const original = fixtureBytes("district/cand.html").toString("utf8");
    const newer = original.replaceAll("3:08-cv-00159-WHA", "3:08-cv-00159-JCS").replace("06/13/2017", "07/01/2017");
    await importOk(db, dataDir, "newer.html", Buffer.from(newer));
    await importOk(db, dataDir, "older.html", Buffer.from(original));
    expect(db.select().from(s.cases).get()!.dnJudgeInitials).toBe("JCS");
  });

  it("keeps a pseudonymous party to the docket name: no details, no pro se contact block", async () => {
    const original = fixtureBytes("district/cand.html").toString("utf8");
    const pseudonymous = original.replaceAll("John Michael Balbo", "J. Doe").replace("Secretary CDCR", "Secretary CDCR");
    const report = await importOk(db, dataDir, "cand.html", Buffer.from(pseudonymous));
    const doe = db.select().from(s.parties).where(eq(s.parties.name, "J. Doe")).get()!;
    expect(doe).toMatchObject({ pseudonymous: true, extraInfo: null });
    expect(db.select().from(s.attorneys).all()).toEqual([]);
    expect(db.select().from(s.representations).all()).toEqual([]);
    expect(report.notes.join(" ")).toContain("pro se details of pseudonymous party J. Doe were not stored");
    expect(JSON.stringify(db.select().from(s.revisions).all())).not.toContain("PO Box 5242");
  });

  it("writes nothing to disk or to the database on a dry run, and reports what it would do", async () => {
    const before = tableCounts(db);
    const report = await importOk(db, dataDir, "cand.html", fixtureBytes("district/cand.html"), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.importId).toBeNull();
    expect(report.counts.entry?.created).toBe(3);
    expect(report.cases[0]).toMatchObject({ docketNumber: "3:08-cv-00159-WHA", action: "created" });
    expect(tableCounts(db)).toEqual(before);
    expect(existsSync(join(dataDir, "files"))).toBe(false);
  });

  it("previews exactly what the real import then does", async () => {
    const bytes = fixtureBytes("district/cand_7.html");
    const preview = await importOk(db, dataDir, "cand_7.html", bytes, { dryRun: true });
    const real = await importOk(db, dataDir, "cand_7.html", bytes);
    const shape = (r: typeof real) => r.changes.map((c) => [c.recordType, c.action, c.label]);
    expect(shape(preview)).toEqual(shape(real));
  });
});
