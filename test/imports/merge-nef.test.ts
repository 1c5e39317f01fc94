import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createTestDb } from "../support/db";
import { insertCase, insertCourt, insertEntry } from "../support/factories";
import { fixtureBytes, importOk, tempDataDir } from "./support";

const NYSD_716_TEXT =
  "JOINT LETTER MOTION for Extension of Time to Complete Discovery addressed to Magistrate Judge Gabriel W. Gorenstein from Omar J. Siddiqi dated August 4, 2022. Document filed by City of New York. (Attachments: (1) Text of Proposed Order Proposed Stipulation Signed by the Parties).(Siddiqi, Omar)";

describe("importing a Notice of Electronic Filing", () => {
  let db: Db;
  let dataDir: string;
  beforeEach(() => {
    db = createTestDb();
    dataDir = tempDataDir();
  });

  it("imports an NEF body (nef/cand.html): case, full entry text, filed date", async () => {
    const report = await importOk(db, dataDir, "cand.html", fixtureBytes("nef/cand.html"));
    expect(report.kind).toBe("nef");
    expect(report.source?.title).toBe("PACER Notice of Electronic Filing of 2021-04-19");
    expect(db.select().from(s.cases).get()).toMatchObject({
      docketNumber: "4:20-cv-05640-YGR",
      caption: "Epic Games, Inc. v. Apple Inc.",
      pacerCaseId: "364265",
    });
    const entry = db.select().from(s.docketEntries).get()!;
    expect(entry).toMatchObject({ number: 460, source: "nef", dateFiled: "2021-04-19", kind: "notice" });
    expect(entry.description).toMatch(/^CLERK'S NOTICE :This court is a participant/);
    // A text-only entry: no document, so no document link.
    expect(db.select().from(s.documents).all()).toEqual([]);
  });

  it("imports a whole NEF e-mail (nef/mime/nysd_1.txt) with its staff-only document link and the motion it brings", async () => {
    await importOk(db, dataDir, "nysd_1.txt", fixtureBytes("nef/mime/nysd_1.txt"));
    const entry = db.select().from(s.docketEntries).get()!;
    expect(entry).toMatchObject({
      number: 716,
      source: "nef",
      description: NYSD_716_TEXT,
      shortDescription: "Motion for Extension of Time to Complete Discovery",
      dateFiled: "2022-08-04",
      dateEntered: "2022-08-04",
      pacerDocId: "127031722970",
      pacerSeqNo: "2447",
    });
    const doc = db.select().from(s.documents).get()!;
    expect(doc).toMatchObject({
      entryId: entry.id,
      attachmentNumber: 0,
      pacerDocId: "127031722970",
      pacerUrl: "https://ecf.nysd.uscourts.gov/doc1/127031722970?caseid=546923&de_seq_num=2447&magic_num=95806321",
    });
    const motion = db.select().from(s.motions).get()!;
    expect(motion).toMatchObject({
      entryId: entry.id,
      kind: "other",
      title: "Joint letter motion for Extension of Time to Complete Discovery",
      status: "pending",
    });
  });

  it("adds the NEF's document link to the entry a docket report already gave, keeping the docket text", async () => {
    insertCourt(db, {
      id: "nysd",
      name: "U.S. District Court for the Southern District of New York",
      shortName: "S.D.N.Y.",
      timeZone: "America/New_York",
    });
    const kase = insertCase(db, { courtId: "nysd", docketNumber: "1:20-cv-08924-CM", docketNumberCore: "1:20-cv-08924" });
    const docketText = `${NYSD_716_TEXT} (Entered: 08/04/2022)`;
    const entry = insertEntry(db, kase.id, {
      number: 716,
      dateFiled: "2022-08-04",
      dateEntered: "2022-08-04",
      description: docketText,
      source: "pacer_docket",
      originalText: docketText,
    });

    const report = await importOk(db, dataDir, "nysd_1.txt", fixtureBytes("nef/mime/nysd_1.txt"));
    const after = db.select().from(s.docketEntries).where(eq(s.docketEntries.id, entry.id)).get()!;
    expect(after).toMatchObject({
      description: docketText,
      source: "pacer_docket",
      shortDescription: "Motion for Extension of Time to Complete Discovery",
      pacerDocId: "127031722970",
    });
    expect(db.select().from(s.docketEntries).all()).toHaveLength(1);
    expect(db.select().from(s.documents).get()).toMatchObject({
      entryId: entry.id,
      pacerUrl: expect.stringContaining("magic_num=95806321"),
    });
    // The case gains what the notice knows and it did not: the caption and CM/ECF's case id.
    expect(report.cases).toEqual([expect.objectContaining({ id: kase.id, action: "updated" })]);
    expect(db.select().from(s.cases).get()).toMatchObject({
      caption: "IN RE: NEW YORK CITY POLICING DURING SUMMER 2020 DEMONSTRATIONS",
      pacerCaseId: "546923",
    });
  });

  it("imports every case of a multi-case notice (nef/mime/nysd_3.txt)", async () => {
    const report = await importOk(db, dataDir, "nysd_3.txt", fixtureBytes("nef/mime/nysd_3.txt"));
    expect(report.cases.map((c) => c.docketNumber)).toEqual([
      "1:20-cv-08924-CM",
      "1:20-cv-10541-CM",
      "1:21-cv-00322-CM",
      "1:20-cv-10291-CM",
      "1:21-cv-06610-CM",
    ]);
    expect(
      db
        .select()
        .from(s.docketEntries)
        .all()
        .map((e) => e.number),
    ).toEqual([749, 124, 146, 145, 88]);
    // One import row for the notice; it names no single case.
    expect(db.select().from(s.imports).get()!.caseId).toBeNull();
  });
});
