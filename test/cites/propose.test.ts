import { describe, expect, it } from "vitest";
import { buildAuthorityIndex } from "../../server/cites/authority-index";
import type { CitationExtractor, FoundCitation } from "../../server/cites/found";
import { draftCites } from "../../server/cites/propose";

/*
 * The linking rules on citations shaped as server/citations returns them, written out by hand
 * so each rule is tested on its own (the extractor itself has its own golden tests; the
 * end-to-end tests upload text through the real one).
 */

const at = (text: string, needle: string, from = 0): [number, number] => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`${needle} not in text`);
  return [i, i + needle.length];
};

/** An extractor that knows a fixed set of strings: what it finds is written in the test. */
function fakeExtractor(known: Record<string, Omit<FoundCitation, "span">>): CitationExtractor {
  return (text) =>
    Object.entries(known)
      .filter(([needle]) => text.includes(needle))
      .map(([needle, c]) => ({ ...c, span: at(text, needle) }))
      .sort((a, b) => a.span[0] - b.span[0]);
}

const AUTHORITIES = [
  { id: 1, citation: "Talley v. California, 362 U.S. 60 (1960)" },
  { id: 2, citation: "8 U.S.C. § 1225(d)" },
  { id: 3, citation: "19 U.S.C. § 1509" },
];
const ON_RECORD = fakeExtractor({
  "362 U.S. 60": { kind: "case", volume: "362", reporter: "U.S.", page: "60", year: "1960" },
  "8 U.S.C. § 1225(d)": { kind: "law", reporter: "U.S.C.", title: "8", section: "1225", pinCite: "(d)" },
  "19 U.S.C. § 1509": { kind: "law", reporter: "U.S.C.", title: "19", section: "1509" },
});
const index = buildAuthorityIndex(AUTHORITIES, ON_RECORD);

describe("proposed cites links", () => {
  const text =
    "Anonymous pamphlets have a long history. Talley v. California, 362 U.S. 60, 64 (1960). Id. at 65. The statute is narrower. 8 U.S.C. § 1225(d)(4); but see 8 U.S.C. § 1225(e). Pseudonyms are allowed. Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000). Talley, 362 U.S., at 64. Id. at 65.";
  const talley = at(text, "Talley v. California, 362 U.S. 60, 64 (1960)");
  const textile = at(text, "Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058, 1068 (9th Cir. 2000)");
  const found: FoundCitation[] = [
    {
      kind: "case",
      span: at(text, "362 U.S. 60"),
      fullSpan: talley,
      volume: "362",
      reporter: "U.S.",
      page: "60",
      pinCite: "64",
      year: "1960",
      plaintiff: "Talley",
      defendant: "California",
      court: "scotus",
    },
    { kind: "id", span: at(text, "Id. at 65"), pinCite: "at 65" },
    {
      kind: "law",
      span: at(text, "8 U.S.C. § 1225"),
      fullSpan: at(text, "8 U.S.C. § 1225(d)(4)"),
      reporter: "U.S.C.",
      title: "8",
      section: "1225",
      pinCite: "(d)(4)",
    },
    { kind: "law", span: at(text, "8 U.S.C. § 1225(e)"), reporter: "U.S.C.", title: "8", section: "1225", pinCite: "(e)" },
    {
      kind: "case",
      span: at(text, "214 F.3d 1058"),
      fullSpan: textile,
      volume: "214",
      reporter: "F.3d",
      page: "1058",
      pinCite: "1068",
      year: "2000",
      plaintiff: "Does I thru XXIII",
      defendant: "Advanced Textile Corp.",
      courtText: "9th Cir.",
    },
    {
      kind: "shortCase",
      span: at(text, "362 U.S., at 64"),
      fullSpan: at(text, "Talley, 362 U.S., at 64"),
      volume: "362",
      reporter: "U.S.",
      page: "64",
      pinCite: "64",
      antecedent: "Talley",
    },
    { kind: "id", span: at(text, "Id. at 65", at(text, "Talley, 362 U.S., at 64")[1]), pinCite: "at 65" },
  ];
  const drafts = draftCites(text, found, index);

  it("links a full citation to the authority with the same volume, reporter and page, keeping the pin cite", () => {
    expect(drafts[0]).toMatchObject({
      kind: "case",
      authorityId: 1,
      matchedBy: "citation",
      pinCite: "64",
      citedText: "Talley v. California, 362 U.S. 60, 64 (1960)",
      proposed: null,
    });
    expect(drafts[0]!.sentence).toBe("Anonymous pamphlets have a long history. Talley v. California, 362 U.S. 60, 64 (1960).");
  });

  it("resolves Id. and a short form to the citation they point back to, and links them through it", () => {
    expect(drafts[1]).toMatchObject({ kind: "id", authorityId: 1, matchedBy: "antecedent", pinCite: "at 65", proposed: null });
    expect(drafts[5]).toMatchObject({ kind: "shortCase", authorityId: 1, matchedBy: "antecedent" });
    // Id. after the short form points to Talley too, through it.
    expect(drafts[6]).toMatchObject({ kind: "id", authorityId: 1 });
  });

  it("links a finer subsection of a statute on the record, but not a sibling subsection", () => {
    expect(drafts[2]).toMatchObject({ kind: "law", authorityId: 2, pinCite: "(d)(4)" });
    expect(drafts[3]).toMatchObject({ kind: "law", authorityId: null, matchedBy: null });
    expect(drafts[3]!.proposed).toEqual({
      citation: "8 U.S.C. § 1225",
      kind: "statute",
      shortName: "8 U.S.C. § 1225",
      court: null,
      year: null,
    });
  });

  it("proposes a new authority for a case the record lacks, built from what was read, and links nothing", () => {
    expect(drafts[4]).toMatchObject({ authorityId: null, matchedBy: null });
    expect(drafts[4]!.proposed).toEqual({
      citation: "Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058 (9th Cir. 2000)",
      kind: "case",
      shortName: "Does I thru XXIII v. Advanced Textile Corp.",
      court: "9th Cir.",
      year: 2000,
    });
  });

  it("numbers links with the same key in order, so two identical Id. cites stay two links", () => {
    expect(drafts[1]!.citeKey).toBe(drafts[6]!.citeKey);
    expect([drafts[1]!.occurrence, drafts[6]!.occurrence]).toEqual([0, 1]);
    expect(new Set(drafts.map((d) => `${d.citeKey}#${d.occurrence}`)).size).toBe(drafts.length);
  });

  it("never guesses: an Id. with nothing before it, or a case two authorities claim, names no authority", () => {
    const lonely = "Id. at 4.";
    const [draft] = draftCites(lonely, [{ kind: "id", span: [0, 8], pinCite: "at 4" }], index);
    expect(draft).toMatchObject({ authorityId: null, proposed: null });
    expect(draft!.citeKey).toContain("unresolved/Id. at 4");

    const twice = buildAuthorityIndex(
      [...AUTHORITIES, { id: 9, citation: "Talley v. California, 362 U.S. 60 (1960) (duplicate)" }],
      ON_RECORD,
    );
    const [again] = draftCites(text, found.slice(0, 1), twice);
    expect(again).toMatchObject({ authorityId: null, proposed: null });
  });

  it("leaves out the stray section sign eyecite calls unknown", () => {
    const drafts = draftCites("See § 99.", [{ kind: "unknown", span: [4, 8] }], index);
    expect(drafts).toEqual([]);
  });
});
