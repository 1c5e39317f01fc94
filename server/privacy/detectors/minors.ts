import type { Finding } from "../findings";

/*
 * Names of people the text itself says are minors (FRCP 5.2(a)(3) lets only the initials
 * remain): "Jane Roe, a minor", "John Smith (age 14)", "a 15-year-old, Ann Lee" is not read,
 * but "minor child Ann Lee", "the minor, Ann Lee", "Ann Lee, by and through her guardian" are.
 * A name already written as initials ("J.D., a minor") is what the rule asks for.
 */

// One word of a name: Jane, O'Neil, Smith-Jones, JANE (dockets print names in capitals), or an initial.
const WORD = "(?:[A-Z][A-Za-z'\u2019\\-]+|[A-Z]\\.)";
const NAME = `(?<![\\w'\u2019\\-])(?<name>${WORD}(?:\\s+${WORD}){0,4})`;

/** Any case: "minor", "Minor", "MINOR". */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join("");
const words = (...list: string[]) => `(?:${list.map(anyCase).join("|")})`;

// "a minor correction" is not a person.
const MINOR = `${words("minor", "juvenile")}(?!\\s+${words("league", "amendment", "correction", "change", "error", "edit", "modification", "revision", "issue", "point", "role", "part", "detail", "typo")}\\b)`;
const CHILD = words("child", "children", "son", "daughter", "plaintiff", "petitioner", "movant", "girl", "boy", "student");
const AGE = `(?:${words("age", "aged")}\\s+(?<age>\\d{1,2})|(?<yearsOld>\\d{1,2})[-\\s]${words("year")}[-\\s]${words("old")})`;
const GUARDIAN = `${words("by and through", "through")}\\s+${words("his", "her", "their", "its")}\\s+(?:${words("parents?", "legal guardians?", "guardians?(?: ad litem)?", "next friends?", "mother", "father")})`;

const NAME_THEN_MINOR = new RegExp(
  `${NAME}\\s*(?:,\\s*|\\(\\s*)(?:${words("a", "the", "an")}\\s+)?(?:${MINOR}\\b|${AGE}\\b|${GUARDIAN}\\b)`,
  "g",
);
const MINOR_THEN_NAME = new RegExp(
  `(?:\\b${MINOR}\\s+${CHILD}s?|\\b${words("the", "said", "a", "her", "his", "their", "my", "our", "of")}\\s+${MINOR})\\s*,?\\s+${NAME}`,
  "g",
);

// Words that start a run of capitals without being part of a name ("Plaintiff Jane Roe").
const NOT_NAME = new Set(
  [
    "the",
    "a",
    "an",
    "and",
    "of",
    "plaintiff",
    "plaintiffs",
    "petitioner",
    "petitioners",
    "movant",
    "movants",
    "defendant",
    "defendants",
    "respondent",
    "respondents",
    "minor",
    "minors",
    "child",
    "children",
    "son",
    "daughter",
    "mr.",
    "ms.",
    "mrs.",
    "miss",
    "master",
    "her",
    "his",
    "their",
    "doe's",
    "declaration",
    "motion",
    "order",
    "notice",
    "exhibit",
    "guardian",
    "parent",
    "mother",
    "father",
    "student",
    "juvenile",
    "on",
    "behalf",
    "for",
    "by",
    "to",
    "in",
    "re",
    "as",
    "correction",
    "amendment",
    "change",
    "error",
    "typo",
    "female",
    "male",
    "victim",
    "victims",
    "witness",
  ].map((w) => w.toLowerCase()),
);

/** The name's words without leading titles or roles, and where they start; none when what is left is initials only. */
function nameWords(raw: string): { words: string[]; offset: number } | null {
  const tokens = [...raw.matchAll(/\S+/g)];
  while (tokens.length > 0 && NOT_NAME.has(tokens[0]![0].toLowerCase())) tokens.shift();
  const words = tokens.map((t) => t[0]);
  if (words.length === 0 || words.every((w) => /^[A-Z]\.$/.test(w))) return null;
  return { words, offset: tokens[0]!.index! };
}

const initials = (words: string[]) => words.map((w) => `${w[0]!.toUpperCase()}.`).join("");

function isMinorAge(groups: Record<string, string | undefined>): boolean {
  const age = groups.age ?? groups.yearsOld;
  return age === undefined || Number(age) < 18;
}

export function detectMinorNames(text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (m: RegExpMatchArray, nameStart: number) => {
    const raw = m.groups!.name!;
    const name = nameWords(raw);
    if (!name) return;
    const start = nameStart + name.offset;
    findings.push({ kind: "minor-name", start, end: nameStart + raw.length, replacement: initials(name.words) });
  };
  for (const m of text.matchAll(NAME_THEN_MINOR)) if (isMinorAge(m.groups!)) add(m, m.index!);
  for (const m of text.matchAll(MINOR_THEN_NAME)) add(m, m.index! + m[0].length - m.groups!.name!.length);
  return findings;
}
