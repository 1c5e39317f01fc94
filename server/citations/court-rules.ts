/**
 * Court rules, which reporters-db does not list (eyecite finds no `Fed. R. Civ. P. 45(d)(3)` and
 * no `Civil L.R. 7-2`), but which every subpoena motion in the record cites: the federal rules of
 * procedure and evidence, the Supreme Court's rules, and district-court local rules as the
 * Northern District of California and others number them. Each becomes a `law` citation with the
 * rule set as its reporter, the rule as its section and the subdivisions as its pin cite. A rule
 * is added only where no reporters-db citation already covers that text.
 */
import { relaxedAbbreviation } from "./regex-templates";
import type { Citation } from "./types";

/** Each rule set: its canonical abbreviation (Bluebook form) and other ways filings print it. */
export const RULE_SETS: { canonical: string; variations: string[] }[] = [
  { canonical: "Fed. R. Civ. P.", variations: ["Fed. R. Civ. Pro.", "Fed. R. Civ. Proc.", "F.R.C.P.", "FRCP", "F.R.Civ.P."] },
  { canonical: "Fed. R. Crim. P.", variations: ["Fed. R. Crim. Pro.", "F.R.Crim.P.", "FRCrP"] },
  { canonical: "Fed. R. Evid.", variations: ["F.R.E.", "FRE"] },
  { canonical: "Fed. R. App. P.", variations: ["F.R.A.P.", "FRAP"] },
  { canonical: "Fed. R. Bankr. P.", variations: ["F.R.B.P."] },
  { canonical: "Sup. Ct. R.", variations: ["S. Ct. R.", "Supreme Court Rule"] },
  {
    canonical: "Civil L.R.",
    variations: ["Civ. L.R.", "Civil Local Rule", "Civ. Local Rule", "N.D. Cal. Civ. L.R.", "N.D. Cal. Civil L.R."],
  },
  { canonical: "Crim. L.R.", variations: ["Criminal L.R.", "Crim. Local Rule", "Criminal Local Rule"] },
  { canonical: "ADR L.R.", variations: [] },
  { canonical: "Patent L.R.", variations: ["Pat. L.R."] },
  { canonical: "L.R.", variations: ["Local Rule", "LR"] },
];

// A rule number (`45`, `7-2`, `5.2`, `26.1`), then subdivisions (`(d)(3)(A)(iii)`).
const RULE_NUMBER = "(?<section>\\d+(?:[.-]\\d+)*[a-z]?)(?<pin>(?:\\([0-9a-zA-Z]{1,4}\\))*)";

const byForm = new Map<string, string>();
for (const set of RULE_SETS) for (const form of [set.canonical, ...set.variations]) byForm.set(form.replace(/\s+/g, ""), set.canonical);
// Longest forms first, so `N.D. Cal. Civ. L.R.` is not read as `L.R.`.
const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
const RULE_CITATION = new RegExp(
  `(?<![A-Za-z0-9.])(?<reporter>${forms.map((f) => relaxedAbbreviation(f.replace(/(?<=[a-z.])(?=[A-Z])/g, " "))).join("|")})\\s?(?:Rule\\s)?${RULE_NUMBER}(?![A-Za-z0-9])`,
  "g",
);

export function findCourtRules(text: string): Citation[] {
  const found: Citation[] = [];
  RULE_CITATION.lastIndex = 0;
  for (let m = RULE_CITATION.exec(text); m; m = RULE_CITATION.exec(text)) {
    const g = m.groups!;
    const reporter = byForm.get(g.reporter!.replace(/\s+/g, ""));
    if (!reporter) continue;
    const end = m.index + m[0].length - g.pin!.length;
    const citation: Citation = {
      kind: "law",
      span: [m.index, end],
      fullSpan: [m.index, m.index + m[0].length],
      matchedText: text.slice(m.index, end),
      reporter,
      section: g.section!,
    };
    if (g.pin) citation.pinCite = g.pin;
    found.push(citation);
  }
  return found;
}

const overlaps = (a: [number, number], b: [number, number]): boolean => Math.max(a[0], b[0]) < Math.min(a[1], b[1]);

/** The rule citations of `text` merged, by position, into `citations`, where they cover no other citation. */
export function addCourtRules(text: string, citations: Citation[]): Citation[] {
  const rules = findCourtRules(text).filter(
    (rule) => !citations.some((c) => overlaps(c.fullSpan, rule.span) || overlaps(c.span, rule.fullSpan)),
  );
  if (!rules.length) return citations;
  const merged = [...citations];
  for (const rule of rules) {
    const at = merged.findIndex((c) => c.span[0] > rule.span[0]);
    merged.splice(at === -1 ? merged.length : at, 0, rule);
  }
  return merged;
}
