import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectProtected } from "../../server/privacy/detect";
import { isCardNumber, isEinPrefix, isItin, isRoutingNumber, isSsn, passesLuhn } from "../../server/privacy/detectors/checksums";
import { holdsBack, type FindingKind } from "../../server/privacy/findings";
import { redactText } from "../../server/privacy/redact";
import { listFixtures } from "../pacer/fixtures";

/*
 * The FRCP 5.2 detector on a table of real-looking text: each positive is found as its kind
 * and redacted to the remnant the rule allows; each negative (docket numbers, PACER and ECF
 * ids, phone numbers, filing dates, statutes, amounts) is left exactly as it was.
 */

const POSITIVES: { text: string; kind: FindingKind; redacted: string }[] = [
  // Social Security numbers in every separator a filing uses (issue 15.1).
  { text: "Movant SSN 219099998 appears on p. 3", kind: "ssn", redacted: "Movant SSN XXX-XX-9998 appears on p. 3" },
  { text: "his number, 219.09.9997, was", kind: "ssn", redacted: "his number, XXX-XX-9997, was" },
  { text: "SSN: 219-09-9996.", kind: "ssn", redacted: "SSN: XXX-XX-9996." },
  { text: "social security no. 219 09 9995", kind: "ssn", redacted: "social security no. XXX-XX-9995" },
  { text: "Exhibit lists 219\u201309\u20139994 (en dashes)", kind: "ssn", redacted: "Exhibit lists XXX-XX-9994 (en dashes)" },
  { text: "SSN 219 - 09 - 9993", kind: "ssn", redacted: "SSN XXX-XX-9993" },
  { text: "(SSN#078051121)", kind: "ssn", redacted: "(SSN#XXX-XX-1121)" },
  { text: "No. 5:26-mc-80026; SSN 123456789 in exhibit", kind: "ssn", redacted: "No. 5:26-mc-80026; SSN XXX-XX-6789 in exhibit" },
  // Taxpayer numbers.
  { text: "ITIN 912-70-1234 on the return", kind: "itin", redacted: "ITIN XXX-XX-1234 on the return" },
  { text: "taxpayer id 987654321", kind: "itin", redacted: "taxpayer id XXX-XX-4321" },
  { text: "EIN 12-3456789 of the company", kind: "ein", redacted: "EIN XX-XXX6789 of the company" },
  { text: "employer identification number 453456789", kind: "ein", redacted: "employer identification number XX-XXX6789" },
  // Cards by Luhn and issuer; routing numbers by the ABA check digit; accounts named as such.
  { text: "card 4111 1111 1111 1111 was charged", kind: "card", redacted: "card XXXX1111 was charged" },
  { text: "paid with 5555-5555-5555-4444", kind: "card", redacted: "paid with XXXX4444" },
  { text: "Amex 3782 822463 10005", kind: "card", redacted: "Amex XXXX0005" },
  { text: "Discover 6011111111111117.", kind: "card", redacted: "Discover XXXX1117." },
  { text: "routing number 121000358 and", kind: "routing", redacted: "routing number XXXXX0358 and" },
  { text: "ABA# 021000021", kind: "routing", redacted: "ABA# XXXXX0021" },
  { text: "checking account no. 000123456789 at", kind: "account", redacted: "checking account no. XXXX6789 at" },
  { text: "Acct # 9876-5432-10", kind: "account", redacted: "Acct # XXXX3210" },
  { text: "account 4111 1111 1111 1234", kind: "account", redacted: "account XXXX1234" },
  { text: "Facebook account ID 100012345678901", kind: "account", redacted: "Facebook account ID XXXX8901" },
  // Identity documents.
  { text: "alien registration number A-123-456-789", kind: "alien-number", redacted: "alien registration number A-XXXXX6789" },
  { text: "A# 212345678 was placed", kind: "alien-number", redacted: "A# XXXXX5678 was placed" },
  { text: "RECEIPT of Passport # 055732811 for defendant", kind: "passport", redacted: "RECEIPT of Passport # XXXXX2811 for defendant" },
  // Full birth dates beside "born", "DOB", "date of birth" (issue 15.1).
  { text: "Date of birth: 1990-01-05", kind: "birth-date", redacted: "Date of birth: 1990" },
  { text: "She was born on January 5, 1990 in Oakland", kind: "birth-date", redacted: "She was born in 1990 in Oakland" },
  { text: "DOB 01/05/1990", kind: "birth-date", redacted: "DOB 1990" },
  { text: "D.O.B.: 1-5-90", kind: "birth-date", redacted: "D.O.B.: 90" },
  { text: "born Jan. 5th, 1990", kind: "birth-date", redacted: "born 1990" },
  { text: "date of birth is 5 January 1990.", kind: "birth-date", redacted: "date of birth is 1990." },
  { text: "birthdate (05.01.1990)", kind: "birth-date", redacted: "birthdate (1990)" },
  { text: "born the 5th of January, 1990", kind: "birth-date", redacted: "born the 1990" },
  { text: "listed as 1990-01-05 (DOB) in the", kind: "birth-date", redacted: "listed as 1990 (DOB) in the" },
  // Names of people the text says are minors: initials only.
  { text: "Declaration of Jane Roe, a minor, in support", kind: "minor-name", redacted: "Declaration of J.R., a minor, in support" },
  { text: "on behalf of her minor son, Tom Ray Lee", kind: "minor-name", redacted: "on behalf of her minor son, T.R.L." },
  { text: "Plaintiff Ann Lee (age 14) moves", kind: "minor-name", redacted: "Plaintiff A.L. (age 14) moves" },
  { text: "KAI SMITH, a minor, by and through", kind: "minor-name", redacted: "K.S., a minor, by and through" },
  { text: "Sam Ortiz, by and through his guardian ad litem", kind: "minor-name", redacted: "S.O., by and through his guardian ad litem" },
  { text: "the minor, Lucy Park, testified", kind: "minor-name", redacted: "the minor, L.P., testified" },
  { text: "Mia Chen, a 15-year-old student", kind: "minor-name", redacted: "M.C., a 15-year-old student" },
];

const NEGATIVES: string[] = [
  "ORDER in 5:26-mc-80026-TSH re 12 MOTION filed 02/02/2026 (Entered: 02/03/2026)",
  "No. 3:25-mc-80200-TSH; related: 1:09-cr-00123-ABC-1 and 2:2025cv00123",
  "Ninth Circuit No. 25-1234; D.C. Cir. No. 24-5123",
  "https://ecf.cand.uscourts.gov/doc1/035123456789?caseid=412345&magic_num=48151623",
  "pacer_doc_id 035019876543, pacer case id 412345, doc id 135094649",
  "Stamp_ID=875559582 [Date=12/29/2024] [FileNumber=103128815-0]",
  "ECF No. 12; Dkt. 45; ECF 219",
  "filed on January 5, 2026; hearing set for 12/10/2026 at 10:00 a.m. in Courtroom E, 15th Floor",
  "Served 2026-01-05 at 09:30",
  "8 U.S.C. § 1357(a); 19 U.S.C. § 1509(a)(1); 28 U.S.C. § 636(b)(1)(A); 31 C.F.R. § 501.602",
  "Pub. L. No. 117-263, 136 Stat. 2395; 214 F.3d 1058, 1068 (9th Cir. 2000); 596 F.3d 1036",
  "damages of $1,234,567.89 and $219,099,998",
  "San Francisco, CA 94102-3489",
  "Bates DHS-000123456 through DHS-000123999; META000219099",
  "born in 1990; Born Free, Inc. filed on January 5, 2026",
  "a minor correction to ECF No. 12; J.D., a minor; John Smith, age 45",
  "accounts covered: 3; the account ending in 1234",
  "OFF-WHITE LLC v. A445995685",
  "Version 2.19.09 of the rules; section 219.09 and 219.09.99",
  "the 000-12-3456 placeholder and 666-12-3456 and 900-12-3456 are not numbers anyone holds",
  "Filed 12/29/2024 in 1:24-bk-10012; claim 10",
  "4111 1111 1111 1112 fails the Luhn check",
];

describe("the FRCP 5.2 detector", () => {
  it.each(POSITIVES)("finds and redacts: $text", ({ text, kind, redacted }) => {
    const findings = detectProtected(text);
    expect(findings.map((f) => f.kind)).toEqual([kind]);
    expect(holdsBack(findings[0]!)).toBe(true);
    expect(redactText(text)).toBe(redacted);
    // What the public sees holds nothing more to redact.
    expect(redactText(redacted)).toBe(redacted);
  });

  it.each(NEGATIVES)("leaves alone: %s", (text) => {
    expect(detectProtected(text).filter(holdsBack)).toEqual([]);
    expect(redactText(text)).toBe(text);
  });

  it("withholds e-mail addresses and phone numbers without holding the record", () => {
    const text = "write to jdoe@example.org or call (415) 555-0100 or 415.555.0101";
    const findings = detectProtected(text);
    expect(findings.map((f) => f.kind)).toEqual(["email", "phone", "phone"]);
    expect(findings.some(holdsBack)).toBe(false);
    expect(redactText(text)).toBe("write to [e-mail withheld] or call [phone withheld] or [phone withheld]");
  });

  it("finds every item of a text that holds several, in order and without overlaps", () => {
    const text = "SSN 219099998, DOB 1990-01-05, card 4111111111111111, jdoe@example.org, Jane Roe, a minor";
    const findings = detectProtected(text);
    expect(findings.map((f) => f.kind)).toEqual(["ssn", "birth-date", "card", "email", "minor-name"]);
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    expect(redactText(text)).toBe("SSN XXX-XX-9998, DOB 1990, card XXXX1111, [e-mail withheld], J.R., a minor");
  });
});

describe("the numbering rules behind it", () => {
  it("applies the SSA area, group and serial rules", () => {
    expect(isSsn("219", "09", "9999")).toBe(true);
    expect(isSsn("000", "12", "3456")).toBe(false);
    expect(isSsn("666", "12", "3456")).toBe(false);
    expect(isSsn("900", "70", "3456")).toBe(false);
    expect(isSsn("123", "00", "3456")).toBe(false);
    expect(isSsn("123", "45", "0000")).toBe(false);
    expect(isItin("912", "70", "1234")).toBe(true);
    expect(isItin("912", "93", "1234")).toBe(false);
    expect(isItin("812", "70", "1234")).toBe(false);
  });

  it("knows the EIN prefixes the IRS never assigns", () => {
    expect(isEinPrefix("12")).toBe(true);
    expect(isEinPrefix("07")).toBe(false);
    expect(isEinPrefix("89")).toBe(false);
  });

  it("checks card numbers by Luhn and issuer, routing numbers by the ABA digit", () => {
    expect(passesLuhn("79927398713")).toBe(true);
    expect(passesLuhn("79927398710")).toBe(false);
    expect(isCardNumber("4111111111111111")).toBe(true);
    expect(isCardNumber("4111111111111112")).toBe(false);
    // Luhn-valid but no network issues numbers starting 1 or 9.
    expect(isCardNumber("1111111111111117")).toBe(false);
    expect(isRoutingNumber("121000358")).toBe(true);
    expect(isRoutingNumber("121000359")).toBe(false);
    // Checksum right, Federal Reserve prefix 13 does not exist.
    expect(isRoutingNumber("130000006")).toBe(false);
  });
});

describe("the detector on real dockets", () => {
  /**
   * Every text of the PACER golden files' expected output (docket text, case names, parties,
   * counsel) but the PACER ids, which are never public: thousands of real docket numbers,
   * dates, amounts, statutes and phone numbers, and one real passport number in a criminal
   * docket's receipt entry — the only thing there the guard should hold.
   */
  it("holds nothing in 100 PACER dockets, feeds and notices but the one passport number", () => {
    const holds: string[] = [];
    let texts = 0;
    for (const folder of ["district", "rss", "nef", "nef/mime"] as const) {
      for (const fixture of listFixtures(folder)) {
        JSON.parse(readFileSync(fixture.expectedPath, "utf8"), (key, value) => {
          if (typeof value !== "string" || /^pacer_|_id$/.test(key)) return value;
          texts += 1;
          for (const f of detectProtected(value).filter(holdsBack))
            holds.push(`${folder}/${fixture.name} ${f.kind}: ${value.slice(f.start, f.end)}`);
          return value;
        });
      }
    }
    expect(texts).toBeGreaterThan(5000);
    expect(holds).toEqual(["district/caed_2.html passport: 055732811"]);
  });
});
