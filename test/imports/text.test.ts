import { describe, expect, it } from "vitest";
import { courtIdFromDocument, courtIdFromFileName, courtNameFromDocument } from "../../server/imports/courts";
import {
  entryKindFromText,
  filedByFromText,
  firmFromContact,
  isPseudonymousName,
  judgeTitleFrom,
  motionFromText,
  saysSealed,
  textContains,
} from "../../server/imports/text";

describe("reading docket text", () => {
  it.each([
    ["SEALED MOTION to Quash filed by J. Doe.", true],
    ["*SEALED* Declaration of J. Doe in support", true],
    ["***SEALED*** ORDER", true],
    ["Declaration of counsel (filed under seal)", true],
    ["DOCUMENT FILED UNDER SEAL by J. Doe", true],
    ["MOTION to Seal filed by J. Doe", false],
    ["ADMINISTRATIVE MOTION to File Under Seal filed by J. Doe", false],
    ["ORDER granting [3] Motion to Seal. Documents filed under seal shall remain so.", false],
    ["Sealing order entered", false],
  ])("%s → sealed: %s", (text, sealed) => {
    expect(saysSealed(text)).toBe(sealed);
  });

  it.each([
    ["MOTION to Quash Administrative Subpoena filed by J. Doe.", "motion_to_quash", "noticed", "Motion to Quash Administrative Subpoena"],
    [
      "NOTICE OF MOTION AND MOTION to Quash subpoena to Google filed by Jon Doe.",
      "motion_to_quash",
      "noticed",
      "Notice of motion and motion to Quash subpoena to Google",
    ],
    [
      "ADMINISTRATIVE MOTION to File Under Seal filed by J. Doe.",
      "motion_to_seal",
      "administrative",
      "Administrative motion to File Under Seal",
    ],
    [
      "MOTION for Leave to Proceed Under Pseudonym filed by J. Doe",
      "motion_to_proceed_pseudonymously",
      "noticed",
      "Motion for Leave to Proceed Under Pseudonym",
    ],
    ["MOTION to Stay filed by DHS", "motion_for_stay", "noticed", "Motion to Stay"],
    ["MOTION to Unseal Document filed by Press", "motion_to_unseal", "noticed", "Motion to Unseal Document"],
    [
      "Unopposed MOTION for Extension of Time to File Response/Reply as to [2] MOTION for Leave to Proceed Anonymously New date requested 8/22/2022. by Defendant",
      "other",
      "noticed",
      "Unopposed motion for Extension of Time to File Response/Reply as to [2] MOTION for Leave to Proceed Anonymously New date requested 8/22/2022",
    ],
  ])("reads the motion in %s", (text, kind, track, title) => {
    expect(motionFromText(text)).toEqual({ kind, track, title });
  });

  it("finds no motion in orders about motions or in hearing notices", () => {
    expect(motionFromText("ORDER granting [5] MOTION to Quash")).toBeNull();
    expect(motionFromText("Motion Hearing set for 10/1/2025 10:00 AM")).toBeNull();
  });

  it.each([
    ["COMPLAINT against Microsoft Corporation", "complaint"],
    ["PETITION for Writ of Habeas Corpus (ifpp).", "complaint"],
    ["ORDER OF TRANSFER. Signed by Judge William Alsup", "order"],
    ["CLERK'S NOTICE re completion of In Forma Pauperis affidavit", "notice"],
    ["DECLARATION of J. Doe in support of Motion to Quash", "declaration"],
    ["OPPOSITION/RESPONSE (re [1] MOTION to Quash)", "opposition"],
    ["REPLY (re [1] MOTION to Quash)", "reply"],
    ["Minute Entry for proceedings held before Magistrate Judge", "minute"],
    ["Motion Hearing set for 10/1/2025", "hearing"],
    ["Proposed Summons.", "other"],
  ])("%s is a %s", (text, kind) => {
    expect(entryKindFromText(text)).toBe(kind);
  });

  it("reads who filed, even without PACER's missing space, and stops at the sentence", () => {
    expect(filedByFromText("PETITION for Writ of Habeas Corpus (ifpp). Filed byJohn Michael Balbo. (sis, COURT STAFF)")).toBe(
      "John Michael Balbo",
    );
    expect(filedByFromText("MOTION to Quash filed by J. Doe. (Attachments: # 1 Declaration)")).toBe("J. Doe");
    expect(filedByFromText("Letter dated August 4, 2022. Document filed by City of New York.")).toBe("City of New York");
    expect(filedByFromText("ORDER OF TRANSFER. Signed by Judge William Alsup")).toBeNull();
  });

  it("recognises the names of parties who sue without their name", () => {
    for (const name of ["J. Doe", "John Doe", "Does 1-10", "Anonymous Movant", "Jane Roe", "J. H.", "Unknown Party"]) {
      expect(isPseudonymousName(name), name).toBe(true);
    }
    for (const name of ["Meta Platforms, Inc.", "Department of Homeland Security", "John Michael Balbo", "Doerr Corp."]) {
      expect(isPseudonymousName(name), name).toBe(false);
    }
  });

  it("takes a firm from the first line of a contact block only when it names one", () => {
    expect(firmFromContact("Porteous, Hainkel and Johnson, LLP\n408 N. Columbia St.\n")).toBe("Porteous, Hainkel and Johnson, LLP");
    expect(firmFromContact("American Civil Liberties Union Foundation of Northern California\n39 Drumm St\n")).toBe(
      "American Civil Liberties Union Foundation of Northern California",
    );
    expect(firmFromContact("#P-65407/ E-1-143-Low\nCalifornia Substance Abuse\nPRO SE\n")).toBeNull();
    expect(firmFromContact("PO Box 5242\nCorcoran, CA 93212\n")).toBeNull();
    expect(firmFromContact("")).toBeNull();
  });

  it("reads a judge's title from the words before the name", () => {
    expect(judgeTitleFrom("Assigned to: Magistrate Judge Joseph C. Spero", "Joseph C. Spero")).toBe("Magistrate Judge");
    expect(judgeTitleFrom("Signed by Judge William Alsup on 1/17/08", "William Alsup")).toBe("Judge");
    expect(judgeTitleFrom("Assigned to: Chief Judge James E. Boasberg", "James E. Boasberg")).toBe("Chief U.S. District Judge");
    expect(judgeTitleFrom("Assigned to: Hon. Jane Roe", "Jane Roe")).toBe("Judge");
  });

  it("finds a short description in the full text regardless of case and punctuation", () => {
    expect(textContains("Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)", "Proposed Summons")).toBe(true);
    expect(textContains("ORDER granting motion", "Pretrial Order")).toBe(false);
    expect(textContains("anything", "")).toBe(false);
  });
});

describe("telling the court", () => {
  it("reads the court from CM/ECF hosts, by majority, and not on a tie", () => {
    expect(courtIdFromDocument('<a href="https://ecf.nysd.uscourts.gov/doc1/1">1</a> https://ecf.nysd.uscourts.gov/x')).toBe("nysd");
    expect(
      courtIdFromDocument("From: efile_notice@almd.uscourts.gov\nhttps://ecf.cod.uscourts.gov/doc1/2\nMessage-Id: <1@almd.uscourts.gov>"),
    ).toBe("almd");
    expect(courtIdFromDocument("https://ecf.cand.uscourts.gov/a https://ecf.dcd.uscourts.gov/b")).toBeNull();
    expect(courtIdFromDocument("https://www.uscourts.gov/ https://ecf.nowhere.uscourts.gov/")).toBeNull();
  });

  it("takes the file-name stem only when it is a court id", () => {
    expect(courtIdFromFileName("cand_7.html")).toBe("cand");
    expect(courtIdFromFileName("/tmp/x/nysd.html")).toBe("nysd");
    expect(courtIdFromFileName("sdny_1.xml")).toBeNull();
    expect(courtIdFromFileName("docket.html")).toBeNull();
  });

  it("names a court as the document does", () => {
    expect(courtNameFromDocument("U.S. District Court<br>\nCalifornia Northern District (San Francisco)<br>", "cand")).toBe(
      "U.S. District Court for the Northern District of California",
    );
    expect(courtNameFromDocument("<title>Southern District of West Virginia - Recent Entries</title>", "wvsd")).toBe(
      "U.S. District Court for the Southern District of West Virginia",
    );
    expect(courtNameFromDocument("<strong>Northern District of Illinois - CM/ECF LIVE, Ver 6.3.3</strong>", "ilnd")).toBe(
      "U.S. District Court for the Northern District of Illinois",
    );
    expect(courtNameFromDocument("<p>District of Columbia</p>", "dcd")).toBe("U.S. District Court for the District of Columbia");
    expect(courtNameFromDocument("Northern District of Texas", "txnb")).toBe("U.S. Bankruptcy Court for the Northern District of Texas");
    expect(courtNameFromDocument("<p>nothing here</p>", "cand")).toBeNull();
    expect(courtNameFromDocument("<p>District of New Hampshire Live Database</p>", "nhb")).toBe(
      "U.S. Bankruptcy Court for the District of New Hampshire",
    );
    expect(courtNameFromDocument("<p>Eastern District of TEXAS</p>", "txed")).toBe("U.S. District Court for the Eastern District of Texas");
  });
});
