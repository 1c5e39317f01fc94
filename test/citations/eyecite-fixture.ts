/**
 * The eyecite developer set (`../shared/fixtures/citations/eyecite-dev.json`, read in place) and
 * the comparison of the extractor's answers with eyecite's, field by field.
 */
import { readFileSync } from "node:fs";
import type { Citation, CitationKind } from "../../server/citations";
import { sharedPath } from "../support/shared";

export const FIXTURE_PATH = sharedPath("fixtures", "citations", "eyecite-dev.json");

export type EyeciteCitation = {
  kind: string;
  volume?: string;
  reporter?: string;
  page?: string;
  pin_cite?: string;
  year?: string;
  court?: string;
  plaintiff?: string;
  defendant?: string;
  parenthetical?: string;
  span: [number, number];
  matched: string;
};
export type Passage = { text: string; citations: EyeciteCitation[] };
export type Fixture = { opinion: Passage; pairs: Passage[] };

export const loadFixture = (): Fixture => JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as Fixture;

export const KIND_OF: Record<string, CitationKind> = {
  FullCaseCitation: "case",
  ShortCaseCitation: "shortCase",
  IdCitation: "id",
  SupraCitation: "supra",
  FullLawCitation: "law",
  FullJournalCitation: "journal",
  ReferenceCitation: "reference",
  UnknownCitation: "unknown",
};

/** The fields the golden test requires to match, and those it reports on. */
export const CORE_FIELDS = ["kind", "volume", "reporter", "page", "pinCite", "span"] as const;
export const OTHER_FIELDS = ["year", "court", "plaintiff", "defendant", "parenthetical"] as const;
export type Field = (typeof CORE_FIELDS)[number] | (typeof OTHER_FIELDS)[number];

function expectedValue(e: EyeciteCitation, field: Field): string | undefined {
  switch (field) {
    case "kind":
      return KIND_OF[e.kind] ?? e.kind;
    case "pinCite":
      return e.pin_cite;
    case "span":
      return e.span.join("–");
    default:
      return e[field];
  }
}

function actualValue(c: Citation, field: Field): string | undefined {
  if (field === "span") return c.span.join("–");
  if (field === "kind") return c.kind;
  return c[field];
}

export type Mismatch = { index: number; field: Field; expected: string | undefined; actual: string | undefined };

export type PassageComparison = {
  expected: number;
  actual: number;
  /** Per field: how many of eyecite's citations this passage matched on it. */
  agree: Record<Field, number>;
  /** Fields the fixture gives (non-empty) or we give: counted for the "other fields" report. */
  given: Record<Field, number>;
  mismatches: Mismatch[];
  coreMatch: boolean;
};

/** Citations compared in order, eyecite's i-th with ours i-th (eyecite lists them by position, as we do). */
export function comparePassage(expected: EyeciteCitation[], actual: Citation[]): PassageComparison {
  const fields = [...CORE_FIELDS, ...OTHER_FIELDS];
  const agree = Object.fromEntries(fields.map((f) => [f, 0])) as Record<Field, number>;
  const given = Object.fromEntries(fields.map((f) => [f, 0])) as Record<Field, number>;
  const mismatches: Mismatch[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    for (const field of fields) {
      const want = e ? expectedValue(e, field) : undefined;
      const got = a ? actualValue(a, field) : undefined;
      if (e && (want !== undefined || got !== undefined)) given[field]++;
      if (e && want === got) {
        if (want !== undefined || got !== undefined) agree[field]++;
      } else if (want !== got) {
        mismatches.push({ index: i, field, expected: e ? want : "(no citation)", actual: a ? got : "(no citation)" });
      }
    }
  }
  const coreMatch = expected.length === actual.length && !mismatches.some((m) => (CORE_FIELDS as readonly string[]).includes(m.field));
  return { expected: expected.length, actual: actual.length, agree, given, mismatches, coreMatch };
}

export function describeMismatches(text: string, comparison: PassageComparison, only: readonly Field[] = CORE_FIELDS): string {
  return comparison.mismatches
    .filter((m) => only.includes(m.field))
    .map((m) => `  #${m.index} ${m.field}: eyecite ${JSON.stringify(m.expected)}, ours ${JSON.stringify(m.actual)}`)
    .join("\n");
}
