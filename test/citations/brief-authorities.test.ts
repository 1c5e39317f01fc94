/**
 * Every authority of `../shared/research/legal-rules.md` section 3 — the cases, statutes,
 * regulation and rules of the First Amendment anonymity and administrative-subpoena reference —
 * found in paragraphs written the way a motion to quash would cite them: full cites with pin
 * cites and parentheticals, parallel cites, then short forms, Id., supra and rules.
 */
import { describe, expect, it } from "vitest";
import { type Citation, extractCitations } from "../../server/citations";

const ANONYMOUS_SPEECH = `The First Amendment protects the decision to speak anonymously. Talley v. California, 362 U.S. 60, 64 (1960) (anonymous pamphlets "have played an important role in the progress of mankind"); McIntyre v. Ohio Elections Comm'n, 514 U.S. 334, 357 (1995); see also Buckley v. American Constitutional Law Found., Inc., 525 U.S. 182, 200 (1999); Watchtower Bible & Tract Soc'y of N.Y., Inc. v. Village of Stratton, 536 U.S. 150, 166-67 (2002). Anonymity is "a shield from the tyranny of the majority." McIntyre, 514 U.S. at 357. Id. at 347 (exacting scrutiny applies). The Court has never required a speaker to sign her name. Talley, supra, at 65.`;

const ASSOCIATION = `Compelled disclosure of associational ties is subject to exacting scrutiny. NAACP v. Alabama ex rel. Patterson, 357 U.S. 449, 462 (1958); Doe v. Reed, 561 U.S. 186, 196 (2010); Americans for Prosperity Found. v. Bonta, 594 U.S. 595, 607-08, 141 S. Ct. 2373 (2021). The Ninth Circuit applies a burden-shifting test: once the objector makes a prima facie showing of infringement, the requester must show a compelling need. Perry v. Schwarzenegger, 591 F.3d 1147, 1160-61 (9th Cir. 2010); see also Perry v. Schwarzenegger, 591 F.3d 1126 (9th Cir. 2009); Bursey v. United States, 466 F.2d 1059, 1083 (9th Cir. 1972). The same test governs agency subpoenas. Brock v. Local 375, Plumbers Int'l Union of Am., AFL-CIO, 860 F.2d 346, 349-50 (9th Cir. 1988). Id. at 350. Bonta, 594 U.S. at 611.`;

const UNMASKING = `Courts will not unmask an anonymous speaker on a bare allegation. Dendrite Int'l, Inc. v. Doe No. 3, 775 A.2d 756, 760-61 (N.J. Super. Ct. App. Div. 2001); Doe v. Cahill, 884 A.2d 451, 460 (Del. 2005); Highfields Capital Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969, 975-76 (N.D. Cal. 2005). A non-party speaker receives more protection still. Doe v. 2TheMart.com Inc., 140 F. Supp. 2d 1088, 1095 (W.D. Wash. 2001). The level of protection turns on the nature of the speech. In re Anonymous Online Speakers, 661 F.3d 1168, 1173 (9th Cir. 2011). Judges of this District apply Highfields. USA Technologies, Inc. v. Doe, 713 F. Supp. 2d 901, 906 (N.D. Cal. 2010); Art of Living Found. v. Does 1-10, No. 10-cv-05022-LHK, 2011 WL 5444622, at *5 (N.D. Cal. Nov. 9, 2011). Highfields, supra, at 975. See Cahill, 884 A.2d at 461.`;

const AGENCY_SUBPOENAS = `The government must show that the summons serves a legitimate purpose. United States v. Powell, 379 U.S. 48, 57-58 (1964). Review of an agency subpoena is narrow. EEOC v. Children's Hosp. Med. Ctr. of N. Cal., 719 F.2d 1426, 1428 (9th Cir. 1983) (en banc). But the statute sets its limits: the immigration subpoena power did not reach the target of the investigation himself. United States v. Minker, 350 U.S. 179, 187 (1956). See also United States v. Morton Salt Co., 338 U.S. 632, 652 (1950); Oklahoma Press Publ'g Co. v. Walling, 327 U.S. 186, 208 (1946). Powell, 379 U.S. at 58. Id.`;

const STATUTES_AND_RULES = `Customs may summon records only in an investigation of an entry or of duties owed. 19 U.S.C. § 1509(a)(2); see 19 C.F.R. § 162.1d (2024). Enforcement lies under 19 U.S.C. § 1510. Immigration subpoenas issue under 8 U.S.C. § 1225(d)(4), and 8 U.S.C. § 1225(d) reaches only matters material to the enforcement of the Act. Providers disclose subscriber records on an administrative subpoena. 18 U.S.C. § 2703(c)(2). The civil rules govern a proceeding to enforce an agency subpoena, Fed. R. Civ. P. 81(a)(5), and a timely motion must quash a subpoena that requires disclosure of protected matter, Fed. R. Civ. P. 45(d)(3)(A)(iii). The movant noticed this motion under Civil L.R. 7-2 and asks for expedited treatment under Civ. L.R. 7-11. See also FRCP 45(d)(3).`;

type Expected = Partial<Pick<Citation, "kind" | "volume" | "reporter" | "page" | "pinCite" | "title" | "chapter" | "section" | "year">>;

function expectCites(paragraph: string, expected: Expected[]): Citation[] {
  const found = extractCitations(paragraph);
  for (const want of expected) {
    expect(found, `${JSON.stringify(want)} in: ${paragraph.slice(0, 60)}…`).toContainEqual(expect.objectContaining(want));
  }
  return found;
}

describe("the authorities of legal-rules.md section 3, cited as a brief cites them", () => {
  it("3.1 anonymous speech: Talley, McIntyre, Buckley, Watchtower, with a short form, Id. and supra", () => {
    const found = expectCites(ANONYMOUS_SPEECH, [
      { kind: "case", volume: "362", reporter: "U.S.", page: "60", pinCite: "64", year: "1960" },
      { kind: "case", volume: "514", reporter: "U.S.", page: "334", pinCite: "357", year: "1995" },
      { kind: "case", volume: "525", reporter: "U.S.", page: "182", pinCite: "200", year: "1999" },
      { kind: "case", volume: "536", reporter: "U.S.", page: "150", pinCite: "166-67", year: "2002" },
      { kind: "shortCase", volume: "514", reporter: "U.S.", page: "357", pinCite: "357" },
      { kind: "id", pinCite: "at 347" },
      { kind: "supra", pinCite: "at 65" },
    ]);
    expect(found.find((c) => c.page === "60")).toMatchObject({ plaintiff: "Talley", defendant: "California", court: "scotus" });
    expect(found.find((c) => c.kind === "supra")?.antecedent).toBe("Talley");
  });

  it("3.2 associational privacy: NAACP, Doe v. Reed, Bonta (and its parallel cite), Perry, Bursey, Brock", () => {
    expectCites(ASSOCIATION, [
      { kind: "case", volume: "357", reporter: "U.S.", page: "449", pinCite: "462" },
      { kind: "case", volume: "561", reporter: "U.S.", page: "186", pinCite: "196" },
      { kind: "case", volume: "594", reporter: "U.S.", page: "595", pinCite: "607-08" },
      // The parallel cite shares Bonta's parenthetical. (eyecite reads its court lazily up to the
      // next year in the paragraph, so in one-line prose the year can come from a later cite.)
      { kind: "case", volume: "141", reporter: "S. Ct.", page: "2373" },
      { kind: "case", volume: "591", reporter: "F.3d", page: "1147", pinCite: "1160-61", year: "2010" },
      { kind: "case", volume: "591", reporter: "F.3d", page: "1126", year: "2009" },
      { kind: "case", volume: "466", reporter: "F.2d", page: "1059", pinCite: "1083" },
      { kind: "case", volume: "860", reporter: "F.2d", page: "346", pinCite: "349-50", year: "1988" },
      { kind: "id", pinCite: "at 350" },
      { kind: "shortCase", volume: "594", reporter: "U.S.", page: "611", pinCite: "611" },
    ]);
  });

  it("3.3 unmasking tests: Dendrite, Cahill, Highfields, 2TheMart, Anonymous Online Speakers, USA Technologies, Art of Living", () => {
    const found = expectCites(UNMASKING, [
      { kind: "case", volume: "775", reporter: "A.2d", page: "756", pinCite: "760-61", year: "2001" },
      { kind: "case", volume: "884", reporter: "A.2d", page: "451", pinCite: "460", year: "2005" },
      { kind: "case", volume: "385", reporter: "F. Supp. 2d", page: "969", pinCite: "975-76", year: "2005" },
      { kind: "case", volume: "140", reporter: "F. Supp. 2d", page: "1088", pinCite: "1095", year: "2001" },
      { kind: "case", volume: "661", reporter: "F.3d", page: "1168", pinCite: "1173", year: "2011" },
      { kind: "case", volume: "713", reporter: "F. Supp. 2d", page: "901", pinCite: "906", year: "2010" },
      // Art of Living is verified by its docket number; its Westlaw cite is the form briefs use.
      { kind: "case", volume: "2011", reporter: "WL", page: "5444622", year: "2011" },
      { kind: "supra", pinCite: "at 975" },
      { kind: "shortCase", volume: "884", reporter: "A.2d", page: "461", pinCite: "461" },
    ]);
    expect(found.find((c) => c.page === "969")).toMatchObject({ courtText: "N.D. Cal." });
  });

  it("3.4 agency subpoenas: Powell, Children's Hospital, Minker, Morton Salt, Oklahoma Press", () => {
    expectCites(AGENCY_SUBPOENAS, [
      { kind: "case", volume: "379", reporter: "U.S.", page: "48", pinCite: "57-58" },
      { kind: "case", volume: "719", reporter: "F.2d", page: "1426", pinCite: "1428", year: "1983" },
      { kind: "case", volume: "350", reporter: "U.S.", page: "179", pinCite: "187", year: "1956" },
      { kind: "case", volume: "338", reporter: "U.S.", page: "632", pinCite: "652", year: "1950" },
      { kind: "case", volume: "327", reporter: "U.S.", page: "186", pinCite: "208", year: "1946" },
      { kind: "shortCase", volume: "379", reporter: "U.S.", page: "58", pinCite: "58" },
      { kind: "id" },
    ]);
  });

  it("3.4–3.5 statutes, regulation and rules: 19 U.S.C. §§ 1509 and 1510, 8 U.S.C. § 1225(d), 18 U.S.C. § 2703(c)(2), 19 C.F.R. § 162.1d, FRCP 45 and 81, Civil L.R. 7-2", () => {
    const found = expectCites(STATUTES_AND_RULES, [
      { kind: "law", reporter: "U.S.C.", title: "19", section: "1509", pinCite: "(a)(2)" },
      // reporters-db's section pattern stops before a letter suffix: `162.1d` is read as `162`.
      { kind: "law", reporter: "C.F.R.", chapter: "19", section: "162" },
      { kind: "law", reporter: "U.S.C.", title: "19", section: "1510" },
      { kind: "law", reporter: "U.S.C.", title: "8", section: "1225", pinCite: "(d)(4)" },
      { kind: "law", reporter: "U.S.C.", title: "8", section: "1225", pinCite: "(d)" },
      { kind: "law", reporter: "U.S.C.", title: "18", section: "2703", pinCite: "(c)(2)" },
      { kind: "law", reporter: "Fed. R. Civ. P.", section: "81", pinCite: "(a)(5)" },
      { kind: "law", reporter: "Fed. R. Civ. P.", section: "45", pinCite: "(d)(3)(A)(iii)" },
      { kind: "law", reporter: "Civil L.R.", section: "7-2" },
      { kind: "law", reporter: "Civil L.R.", section: "7-11" },
      { kind: "law", reporter: "Fed. R. Civ. P.", section: "45", pinCite: "(d)(3)" },
    ]);
    const frcp = found.find((c) => c.section === "45" && c.pinCite === "(d)(3)(A)(iii)")!;
    expect(STATUTES_AND_RULES.slice(...frcp.span)).toBe("Fed. R. Civ. P. 45");
    expect(STATUTES_AND_RULES.slice(...frcp.fullSpan)).toBe("Fed. R. Civ. P. 45(d)(3)(A)(iii)");
  });
});
