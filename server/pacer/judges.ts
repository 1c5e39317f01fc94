import { titlecase } from "./titlecase";

/**
 * Judge names as PACER prints them ("Magistrate Judge Susan Russ Walker", "Hon. William
 * Alsup", "Clifton R. Jessup Jr.") reduced to the name, following juriscraper's
 * `normalize_judge_string` word lists.
 */

const TITLE_WORDS = new Set([
  "judge",
  "magistrate",
  "district",
  "chief",
  "senior",
  "bankruptcy",
  "mag.",
  "magistrate-judge",
  "mag/judge",
  "mag",
  "visiting",
  "special",
  "senior-judge",
  "master",
  "u.s.magistrate",
]);
// Words PACER puts in the judge field that are not part of a name (codes, placeholders).
const IGNORED_WORDS = new Set([
  "a998",
  "agb",
  "am",
  "associated",
  "ca",
  "cases",
  "cet",
  "ch.",
  "cla",
  "clerk",
  "cp",
  "cvb",
  "db",
  "debt-magistrate",
  "discovery",
  "dj",
  "docket",
  "duty",
  "ec",
  "eck",
  "general",
  "grc",
  "gs",
  "hhl",
  "hon",
  "honorable",
  "inactive",
  "jne",
  "jv",
  "kec",
  "law",
  "lc",
  "llh",
  "lq",
  "maryland",
  "mediator",
  "merged",
  "mj",
  "mmh",
  "msh",
  "mwd",
  "no",
  "none",
  "prisoner",
  "pslc",
  "pro",
  "pso",
  "pt",
  "rmh",
  "se",
  "sf",
  "show",
  "successor",
  "u.s.",
  "tjc",
  "unassigned",
  "unassigned2",
  "unassigneddj",
  "unknown",
  "us",
  "usdc",
  "vjdistrict",
]);

function tidyName(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  words.forEach((raw, i) => {
    let word = raw;
    if (word.length === 1 && /^\p{L}$/u.test(word)) word = `${word}.`; // "Michael J Lissner"
    if (word.toLowerCase() === "jr" || word.toLowerCase() === "sr") word = `${word}.`;
    if (i === 0 && (word.toLowerCase() === "j." || word.toLowerCase() === "j")) {
      // "J. Michael Lissner" → "Michael Lissner", but keep "J. G. Lissner".
      const next = words[i + 1] ?? "";
      if (!((next.length === 2 && next.endsWith(".")) || next.length === 1)) return;
    }
    out.push(word);
  });
  return out.join(" ");
}

/** The judge's name with titles, court codes and punctuation noise removed, title-cased. */
export function normalizeJudgeName(judge: string): string {
  const nameWords: string[] = [];
  for (const word of judge.replaceAll(",", "").toLowerCase().split(/\s+/).filter(Boolean)) {
    const hasParens = word.includes("(") || word.includes(")");
    const startsPoorly = word.startsWith("-") || word.startsWith("~");
    const longAbbreviation = word.length > 2 && word.includes(".") && word !== "jr." && word !== "sr.";
    if (hasParens || startsPoorly || IGNORED_WORDS.has(word) || longAbbreviation) continue;
    if (!TITLE_WORDS.has(word)) nameWords.push(word);
  }
  return tidyName(titlecase(nameWords.join(" ")));
}
