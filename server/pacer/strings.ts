/**
 * Juriscraper's string clean-ups (`clean_string`, `harmonize`, `clean_court_object`), ported so
 * that our output matches the reference parser's character for character.
 *
 * The reference is Python, whose `str.split()`, `str.strip()` and regex `\s` share one idea of
 * whitespace. JavaScript's `\s` differs slightly (it adds U+FEFF and lacks U+001C–U+001F and
 * U+0085), so the Python set is spelled out once here and used everywhere.
 */

/** The characters Python's `str.isspace()` accepts, as the body of a regex character class. */
export const PY_WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

const WS_RUN = new RegExp(`[${PY_WS}]+`, "g");
const LEADING_WS = new RegExp(`^[${PY_WS}]+`);
const TRAILING_WS = new RegExp(`[${PY_WS}]+$`);
const SPACE_BEFORE_COMMA = new RegExp(`[${PY_WS}]+,`, "g");

/** Python's `s.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(LEADING_WS, "").replace(TRAILING_WS, "");
}

/** Python's `s.split()` (no argument): split on whitespace runs, dropping empty pieces. */
export function pySplit(s: string): string[] {
  const trimmed = pyStrip(s);
  return trimmed === "" ? [] : trimmed.split(WS_RUN);
}

/** Python's `" ".join(s.split())`: trim and collapse every whitespace run to one space. */
export function collapseWhitespace(s: string): string {
  return pyStrip(s).replace(WS_RUN, " ");
}

/** Python's `str.isspace()` on the whole string (false for ""). */
export function isBlank(s: string): boolean {
  return pyStrip(s) === "";
}

/**
 * `clean_court_object` applied to one string: collapse whitespace and drop the space PACER
 * leaves before commas. Every metadata value and docket entry goes through this.
 */
export function cleanCourtString(s: string): string {
  return collapseWhitespace(s).replace(SPACE_BEFORE_COMMA, ",");
}

// Punctuation clean_string strips from both ends of each side of a " v. " (a run of these).
const BAD_EDGE_CHARS = new Set(["-", "–", "_", "/", ";", ","]);
const PY_WS_CHAR = new RegExp(`^[${PY_WS}]$`);

function isBadEdge(ch: string): boolean {
  return BAD_EDGE_CHARS.has(ch) || PY_WS_CHAR.test(ch);
}

function trimBadEdges(fragment: string): string {
  let start = 0;
  let end = fragment.length;
  while (end > start && isBadEdge(fragment[end - 1]!)) end--;
  while (start < end && isBadEdge(fragment[start]!)) start++;
  return fragment.slice(start, end);
}

/**
 * Juriscraper's `clean_string`: decode a few stray HTML entities, straighten smart quotes, drop
 * `*` and `#`, trim dashes/slashes/semicolons/commas from the ends of each party side, collapse
 * whitespace. Used on case names, descriptions and NEF fields.
 */
export function cleanString(input: string): string {
  let s = input
    .replaceAll("&rsquo;", "'")
    .replaceAll("&rdquo;", '"')
    .replaceAll("&ldquo;", '"')
    .replaceAll("&nbsp;", " ")
    .replaceAll("&amp;", "&")
    .replaceAll("%20", " ")
    .replaceAll("&#160;", " ")
    .replaceAll("’", "'")
    .replaceAll("‘", "'")
    .replaceAll("“", '"')
    .replaceAll("”", '"')
    .replaceAll("*", "")
    .replaceAll("#", "");
  s = s.split(" v. ").map(trimBadEdges).join(" v. ");
  return collapseWhitespace(s);
}

// harmonize(): the vocabulary juriscraper uses to tidy case names.
const VS = new RegExp(`[${PY_WS}]vs\\.?[${PY_WS}]`, "gi");
const LOWER_V = new RegExp(`[${PY_WS}]v\\.?[${PY_WS}]`, "g");
const PARTY_ROLE_WORDS = new RegExp(
  "^(appell(ee|ant)s?|claimants?|complainants?|defendants?|defendants?(--?|/)appell(ee|ant)s?" +
    "|devisee|executor|executrix|pet(\\.|itioner)s?|petitioners?(--?|/)appell(ee|ant)s?" +
    "|petitioners?(--?|/)defendants?|plaintiffs?|plaintiffs?(--?|/)appell(ee|ant)s?|respond(e|a)nts?" +
    "|respond(e|a)nts?(--?|/)appell(ee|ant)s?|cross(--?|/)respondents?|crosss?(--?|/)petitioners?" +
    "|cross(--?|/)appell(ees|ant)s?|deceased)(,|\\.)?$",
  "i",
);
const UNITED_STATES = new RegExp(
  "^(USA|U\\.S\\.A\\.|U\\.S\\.?|U\\. S\\.?|(The )?United States of America|The United States)(,|\\.)?$",
  "i",
);
const ET_AL = new RegExp(`,?[${PY_WS}]et\\.?[${PY_WS}]al\\.?`, "gi");
const LEADING_NUMBER_LABEL = new RegExp(`^Nos?\\.[${PY_WS}]+`);

/**
 * Juriscraper's `harmonize`: "vs." → "v.", drop "et al" and party-role words, spell the United
 * States out, drop a leading "No."/"Nos.", then `clean_string`.
 */
export function harmonize(input: string): string {
  let text = input.replace(VS, " v. ").replace(LOWER_V, " v. ");
  // Python splits on whitespace and re-joins with single spaces; emptied words leave a gap.
  text = pySplit(text)
    .map((word) => word.replace(PARTY_ROLE_WORDS, ""))
    .join(" ");
  const parts = text.split(" v. ").map((raw) => {
    const party = pyStrip(raw);
    if (UNITED_STATES.test(party)) return "United States";
    if (party.toLowerCase() === "the state") return "State";
    return party === "US" ? "United States" : party;
  });
  let result = parts.join(" v. ").replace(ET_AL, "");
  if (result.startsWith("No.") || result.startsWith("Nos.")) {
    result = result.replace(LEADING_NUMBER_LABEL, "");
  }
  return cleanString(result);
}

/** Python's `str.isupper()`: at least one cased character and no lower-case one. */
export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    if (ch !== upper) return false;
    cased = true;
  }
  return cased;
}

/** Python's `str.capitalize()`: first character upper-cased, the rest lower-cased. */
export function pyCapitalize(s: string): string {
  if (s === "") return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return first.toUpperCase() + s.slice(first.length).toLowerCase();
}

/** Python's `str.isdigit()` for the strings PACER uses as document numbers. */
export function isDigits(s: string): boolean {
  return /^\p{Nd}+$/u.test(s);
}
