import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createRecordStore } from "../../server/records/store";
import { createTestDb, testClock } from "../support/db";
import { fixtureBytes, importOk, rssFeed, tableCounts, tempDataDir } from "./support";

/** Entry 3 of cand_7.html ("Proposed Summons") as the court's RSS feed announced it. */
const summonsItem = {
  docketNumber: "3:23-cv-04557",
  caseName: "T. v. OpenAI LP et al",
  caseId: "417177",
  short: "Proposed Summons",
  number: "3",
  docId: "035123515222",
  seq: "17",
  // 02:30 UTC on 7 September is 19:30 on 6 September in San Francisco.
  pubDate: "Thu, 07 Sep 2023 02:30:00 GMT",
};

describe("importing an RSS feed", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  it("creates a case per docket and one entry per item from wvsd.xml, with only the entered date known", async () => {
    const report = await importOk(db, dataDir, "wvsd.xml", fixtureBytes("rss/wvsd.xml"));
    expect(report.kind).toBe("rss");
    expect(report.source?.title).toBe("PACER RSS feed of 2018-05-15");
    const cases = db.select().from(s.cases).orderBy(s.cases.id).all();
    expect(cases.map((c) => [c.docketNumber, c.caption, c.pacerCaseId])).toEqual([
      ["2:13-cv-01808", "Spoon v. Ethicon, Inc.", "100645"],
      ["3:15-cv-13328", "Sigman v. CSX Corporation", "197654"],
    ]);
    const entry = db.select().from(s.docketEntries).where(eq(s.docketEntries.caseId, cases[0]!.id)).get()!;
    expect(entry).toMatchObject({
      number: 13,
      source: "rss",
      description: "Pretrial Order",
      shortDescription: "Pretrial Order",
      dateEntered: "2018-05-15",
      pacerDocId: "20109112675",
      pacerSeqNo: "47",
    });
    // The filing date is not in the feed: the entered day stands in, marked as inferred.
    expect(entry.dateFiled).toBe("2018-05-15");
    const dateCitation = db
      .select()
      .from(s.factSources)
      .where(and(eq(s.factSources.recordType, "entry"), eq(s.factSources.recordId, String(entry.id)), eq(s.factSources.field, "dateFiled")))
      .get()!;
    expect(dateCitation).toMatchObject({ inferred: true, verifiedAgainstDocket: false });
    expect(dateCitation.inferredReason).toContain("only when the clerk entered");
    const court = db.select().from(s.courts).get()!;
    expect(court).toMatchObject({ id: "wvsd", timeZone: "America/New_York" });
  });

  it("takes the entered day in the court's time zone, not in UTC", async () => {
    await importOk(db, dataDir, "cand_feed.xml", rssFeed(summonsItem));
    const entry = db.select().from(s.docketEntries).get()!;
    expect(entry.dateEntered).toBe("2023-09-06");
  });

  it("upgrades the RSS stub to the docket report's full text, keeping the RSS text in the revisions", async () => {
    await importOk(db, dataDir, "cand_feed.xml", rssFeed(summonsItem));
    const stub = db.select().from(s.docketEntries).get()!;
    const report = await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));

    expect(db.select().from(s.cases).all()).toHaveLength(1);
    const entries = db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).all();
    expect(entries).toHaveLength(1);
    const upgraded = entries[0]!;
    expect(upgraded.id).toBe(stub.id);
    expect(upgraded).toMatchObject({
      source: "pacer_docket",
      description: "Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)",
      originalText: "Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)",
      shortDescription: "Proposed Summons",
      dateFiled: "2023-09-06",
      dateEntered: "2023-09-06",
    });
    const change = report.changes.find((c) => c.recordType === "entry" && c.recordId === String(stub.id))!;
    expect(change.action).toBe("updated");
    expect(change.description).toContain("entry 3 updated: text replaced: RSS short description → docket report text");
    expect(change.before).toBe("Proposed Summons");

    const revisions = createRecordStore(db, testClock).revisionsOf("entry", stub.id);
    expect(revisions.map((r) => JSON.parse(r.after!).description)).toEqual([
      "Proposed Summons",
      "Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)",
    ]);
    // The RSS guess at the filing date gave way to the docket's.
    const dateCitations = db
      .select()
      .from(s.factSources)
      .where(and(eq(s.factSources.recordType, "entry"), eq(s.factSources.recordId, String(stub.id)), eq(s.factSources.field, "dateFiled")))
      .all();
    expect(dateCitations.filter((c) => c.deletedAt === null).map((c) => c.inferred)).toEqual([false]);
    // The new entries fall around the stub in docket order.
    const order = db.select({ n: s.docketEntries.number }).from(s.docketEntries).orderBy(s.docketEntries.sequence).all();
    expect(order.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6]);
    // The case kept the CM/ECF id the feed gave, and gained the docket's initials.
    expect(db.select().from(s.cases).get()).toMatchObject({ pacerCaseId: "417177", docketNumber: "3:23-cv-04557-JCS" });
  });

  it("never replaces the docket text with the feed's short description", async () => {
    await importOk(db, dataDir, "cand_7.html", fixtureBytes("district/cand_7.html"));
    const before = db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).get()!;
    const report = await importOk(db, dataDir, "cand_feed.xml", rssFeed(summonsItem));
    const after = db.select().from(s.docketEntries).where(eq(s.docketEntries.number, 3)).get()!;
    expect(after.description).toBe(before.description);
    expect(after.source).toBe("pacer_docket");
    expect(after.dateFiled).toBe("2023-09-06");
    expect(after.shortDescription).toBe("Proposed Summons");
    expect(report.changes.find((c) => c.recordType === "entry")!.description).toContain('short description "Proposed Summons"');
    expect(db.select().from(s.docketEntries).all()).toHaveLength(6);
  });

  it("leaves untracked cases alone when asked to (court-wide feeds)", async () => {
    const before = tableCounts(db);
    const report = await importOk(db, dataDir, "wvsd.xml", fixtureBytes("rss/wvsd.xml"), { trackedCasesOnly: true });
    expect(report.cases).toEqual([]);
    expect(report.notes.join(" ")).toContain("2:13-cv-01808 (Spoon v. Ethicon, Inc.) is not in the tracker");
    const after = tableCounts(db);
    expect(after.cases).toBe(before.cases);
    expect(after.docket_entries).toBe(before.docket_entries);
  });
});
