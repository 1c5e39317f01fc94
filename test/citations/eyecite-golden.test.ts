/**
 * Golden tests against eyecite's own answers on the developer set, read in place from
 * `../shared/fixtures/citations/eyecite-dev.json`: every passage's citations must match eyecite's
 * in kind, volume, reporter, page, pin cite and span; the other fields (year, court, parties,
 * parenthetical) must match wherever eyecite gives them, with one known gap (below).
 */
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../server/citations";
import { comparePassage, CORE_FIELDS, describeMismatches, loadFixture, OTHER_FIELDS, type Passage } from "./eyecite-fixture";

const fixture = loadFixture();
const pairs = fixture.pairs.map((passage, i) => ({ name: `pair ${i}: ${JSON.stringify(passage.text.slice(0, 60))}`, passage }));

function expectCoreMatch(passage: Passage): void {
  const comparison = comparePassage(passage.citations, extractCitations(passage.text));
  const report = describeMismatches(passage.text, comparison);
  expect(comparison.coreMatch, `eyecite found ${comparison.expected} citations, the extractor ${comparison.actual}:\n${report}`).toBe(true);
}

/**
 * eyecite maps a court named in the parenthetical (`Pa.Super.`, `D Kan`) to CourtListener's id
 * through courts-db, which is not among the project's data; the extractor keeps the text as
 * `courtText` instead. Only those courts may differ, and the text must then be there.
 */
function otherFieldMismatches(passage: Passage): string[] {
  const found = extractCitations(passage.text);
  const comparison = comparePassage(passage.citations, found);
  return comparison.mismatches
    .filter((m) => (OTHER_FIELDS as readonly string[]).includes(m.field))
    .filter((m) => !(m.field === "court" && m.actual === undefined && found[m.index]?.courtText))
    .map((m) => `#${m.index} ${m.field}: eyecite ${JSON.stringify(m.expected)}, ours ${JSON.stringify(m.actual)}`);
}

describe("extractCitations against eyecite's developer pairs", () => {
  it.each(pairs)("$name", ({ passage }) => expectCoreMatch(passage));
});

describe("extractCitations against eyecite on the whole opinion", () => {
  it("finds eyecite's citations, in order, with the same core fields", () => {
    expect(fixture.opinion.citations.length).toBe(170);
    expectCoreMatch(fixture.opinion);
  });

  it("gives each citation's span as the offsets of its matched text", () => {
    for (const citation of extractCitations(fixture.opinion.text)) {
      expect(fixture.opinion.text.slice(...citation.span)).toBe(citation.matchedText);
      expect(citation.fullSpan[0]).toBeLessThanOrEqual(citation.span[0]);
      expect(citation.fullSpan[1]).toBeGreaterThanOrEqual(citation.span[1]);
    }
  });
});

describe("the other fields", () => {
  it("match eyecite's year, court, parties and parenthetical wherever eyecite gives them", () => {
    const problems = [...fixture.pairs.map((p, i) => ({ name: `pair ${i}`, p })), { name: "opinion", p: fixture.opinion }].flatMap(
      ({ name, p }) => otherFieldMismatches(p).map((line) => `${name} ${line}`),
    );
    expect(problems).toEqual([]);
  });

  it("reports a per-field difference when a field is wrong", () => {
    const passage = fixture.pairs[8]!; // Lissner v. Test 1 U.S. 1 (1982)
    const altered = passage.citations.map((c) => ({ ...c, page: "2", year: "1983" }));
    const comparison = comparePassage(altered, extractCitations(passage.text));
    expect(comparison.coreMatch).toBe(false);
    expect(describeMismatches(passage.text, comparison)).toContain('page: eyecite "2", ours "1"');
    expect(describeMismatches(passage.text, comparison, OTHER_FIELDS)).toContain('year: eyecite "1983", ours "1982"');
    expect(CORE_FIELDS).toContain("span");
  });
});
