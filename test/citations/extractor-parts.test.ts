/** The extractor's parts: template expansion, free spacing in abbreviations, court rules, courts, edge behaviour. */
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../server/citations";
import { courtMatcher } from "../../server/citations/courts";
import { findCourtRules } from "../../server/citations/court-rules";
import { findReportersDbDir, loadReportersDb } from "../../server/citations/reporters-data";
import {
  processVariables,
  pythonToJsRegex,
  relaxedAbbreviation,
  substitute,
  substituteRecursively,
} from "../../server/citations/regex-templates";

describe("reporters-db regex templates", () => {
  it("flattens nested variables, drops comments and adds optional variants", () => {
    const vars = processVariables({ page: { "": "(?P<page>\\d+)", "#": "comment", roman: "[ivx]+" }, full: "$page $page_roman" });
    expect(vars.page).toBe("(?P<page>\\d+)");
    expect(vars.page_roman).toBe("[ivx]+");
    expect(vars.page_optional).toBe("(?:(?P<page>\\d+) ?)?");
    expect(vars.full).toBe("(?P<page>\\d+) [ivx]+");
    expect(Object.keys(vars)).not.toContain("page_#");
  });

  it("substitutes as Python's Template does: longest names, braces, $$ and unknown names left alone", () => {
    expect(substitute("$volume_year-$reporter ${page}x $$ $unknown", { volume: "V", volume_year: "Y", reporter: "R", page: "P" })).toBe(
      "Y-R Px $ $unknown",
    );
    expect(substituteRecursively("$a", { a: "$b", b: "$c", c: "done" })).toBe("done");
    expect(() => substituteRecursively("$a", { a: "$b", b: "$a" })).toThrow(/does not settle/);
  });

  it("turns Python named groups and {,n} into JavaScript, renaming repeated names", () => {
    expect(pythonToJsRegex("(?P<v>\\d){,3}(?P<v>x)")).toBe("(?<v>\\d){0,3}(?<v__2>x)");
  });

  it("keeps an abbreviation's periods but frees its spacing", () => {
    const nys = new RegExp(`^(?:${relaxedAbbreviation("N.Y.S.2d")})$`);
    expect(nys.test("N.Y.S.2d")).toBe(true);
    expect(nys.test("N. Y. S. 2d")).toBe(true);
    expect(nys.test("NYS2d")).toBe(false);
    expect(new RegExp(relaxedAbbreviation("F. Supp. 2d")).test("F.Supp.2d")).toBe(true);
  });

  it("reads reporters-db from the shared folder beside the project", () => {
    expect(findReportersDbDir()).toMatch(/shared\/data\/reporters-db$/);
    const db = loadReportersDb();
    expect(Object.keys(db.reporters).length).toBeGreaterThan(1000);
    expect(db.laws["U.S.C."]).toBeDefined();
    expect(() => findReportersDbDir("/")).toThrow(/reporters-db not found/);
  });
});

describe("behaviour eyecite has and the extractor keeps", () => {
  it("joins a page on the next, indented line to its reporter, but not an unindented one", () => {
    expect(extractCitations("Gratz, 539 U. S.\n  244, held")[0]).toMatchObject({ volume: "539", reporter: "U.S.", page: "244" });
    expect(extractCitations("Bakke, 438 U. S.\n265, held")).toEqual([]);
  });

  it("lets a nominative reporter named like a party yield to the real citation", () => {
    expect(extractCitations("Shapiro v. Thompson, 394 U. S. 618")).toEqual([
      expect.objectContaining({ kind: "case", volume: "394", reporter: "U.S.", page: "618" }),
    ]);
  });

  it("chooses among editions by the year (P.R. is three reporters)", () => {
    expect(extractCitations("1 P.R. 1 (1831)")[0]).toMatchObject({ reporter: "Pen. & W." });
    const undated = extractCitations("1 P.R. 1")[0]!;
    expect(undated.editions?.sort()).toEqual(["P.", "P.R.R.", "Pen. & W."].sort());
  });

  it("takes a short form's page as its pin cite and stops its span before a range it cannot read", () => {
    const [short] = extractCitations("438 U. S., at 311–312 (separate opinion)");
    expect(short).toMatchObject({ kind: "shortCase", page: "311", matchedText: "438 U. S., at " });
    expect(short!.pinCite).toBeUndefined();
  });

  it("finds nothing in text without citations", () => {
    expect(extractCitations("")).toEqual([]);
    expect(extractCitations("The court held a hearing on March 3, 2025 at 10 a.m. in Courtroom 5.")).toEqual([]);
  });
});

describe("court rules (not in reporters-db)", () => {
  it("reads the federal rules and local rules in their usual forms", () => {
    const text =
      "Fed.R.Civ.P. 45(d)(3)(A); FRCP 6(a); Fed. R. Evid. 501; F.R.A.P. 4(a)(1)(B); Civil L.R. 7-3(a); Civil Local Rule 79-5; N.D. Cal. Civ. L.R. 3-12.";
    expect(findCourtRules(text).map((c) => [c.reporter, c.section, c.pinCite ?? ""])).toEqual([
      ["Fed. R. Civ. P.", "45", "(d)(3)(A)"],
      ["Fed. R. Civ. P.", "6", "(a)"],
      ["Fed. R. Evid.", "501", ""],
      ["Fed. R. App. P.", "4", "(a)(1)(B)"],
      ["Civil L.R.", "7-3", "(a)"],
      ["Civil L.R.", "79-5", ""],
      ["Civil L.R.", "3-12", ""],
    ]);
  });

  it("places rules among the other citations by position", () => {
    const found = extractCitations(
      "Under Fed. R. Civ. P. 45(d)(3), see Highfields Capital Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005); Civil L.R. 7-2.",
    );
    expect(found.map((c) => c.reporter)).toEqual(["Fed. R. Civ. P.", "F. Supp. 2d", "Civil L.R."]);
  });
});

describe("courts named in a parenthetical", () => {
  const match = courtMatcher([
    { id: "ca9", citation_string: "9th Cir." },
    { id: "cand", citation_string: "N.D. Cal." },
    { id: "pasuperct", citation_string: "Pa. Super. Ct." },
  ]);

  it("map to CourtListener ids as eyecite maps them: punctuation and spaces ignored, else a prefix", () => {
    expect(match("9th Cir.")).toBe("ca9");
    expect(match("N.D.Cal.")).toBe("cand");
    expect(match("Pa.Super.")).toBe("pasuperct");
    expect(match("2d Cir.")).toBeUndefined();
    expect(match(" ")).toBeUndefined();
  });

  it("keep their text for the caller when no courts table is there", () => {
    const [citation] = extractCitations("Perry v. Schwarzenegger, 591 F.3d 1147, 1160 (9th Cir. 2010)");
    expect(citation).toMatchObject({ courtText: "9th Cir.", year: "2010", pinCite: "1160" });
  });
});
