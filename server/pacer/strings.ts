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

/** Whether the UTF-16 unit `c` is one of Python's whitespace characters. */
function isPyWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's `s.strip()` (a loop: an anchored regex rescans long padding runs). */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPyWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Python's `s.split()` (no argument): split on whitespace runs, dropping empty pieces. */
export function pySplit(s: string): string[] {
  const trimmed = pyStrip(s);
  return trimmed === "" ? [] : trimmed.split(WS_RUN);
}

/** Python's `" ".join(s.split())`: trim and collapse every whitespace run to one space. */
export function collapseWhitespace(s: string): string {
  return collapse(s, false);
}

/**
 * Trims `s` and makes each whitespace run inside it one space, or nothing when `beforeComma`
 * and the run precedes a comma. One pass, and `s` itself back when nothing changes (most
 * strings): far cheaper than the equivalent regex replacements on PACER's long docket texts.
 */
function collapse(s: string, beforeComma: boolean): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPyWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isPyWhitespace(c)) continue;
    let j = i + 1;
    while (isPyWhitespace(s.charCodeAt(j))) j++; // stops inside s: s[end - 1] is not whitespace
    if (beforeComma && s.charCodeAt(j) === 0x2c) {
      out += s.slice(from, i);
      from = j;
    } else if (j - i > 1 || c !== 0x20) {
      out += `${s.slice(from, i)} `;
      from = j;
    }
    i = j - 1;
  }
  if (from === start) return start === 0 && end === s.length ? s : s.slice(start, end);
  return out + s.slice(from, end);
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
  return collapse(s, true);
}

// Punctuation clean_string strips from both ends of each side of a " v. " (a run of these).
const BAD_EDGE_CHARS = new Set(["-", "–", "_", "/", ";", ","].map((ch) => ch.charCodeAt(0)));

function isBadEdge(c: number): boolean {
  return BAD_EDGE_CHARS.has(c) || isPyWhitespace(c);
}

function trimBadEdges(fragment: string): string {
  let start = 0;
  let end = fragment.length;
  while (end > start && isBadEdge(fragment.charCodeAt(end - 1))) end--;
  while (start < end && isBadEdge(fragment.charCodeAt(start))) start++;
  return fragment.slice(start, end);
}

/**
 * Juriscraper's `clean_string`: decode a few stray HTML entities, straighten smart quotes, drop
 * `*` and `#`, trim dashes/slashes/semicolons/commas from the ends of each party side, collapse
 * whitespace. Used on case names, descriptions and NEF fields.
 */
export function cleanString(input: string): string {
  let s = CLEAN_STRING_REPLACED.test(input) ? replaceCleanStringChars(input) : input;
  s = s.includes(" v. ") ? s.split(" v. ").map(trimBadEdges).join(" v. ") : trimBadEdges(s);
  return collapseWhitespace(s);
}

// Every sequence cleanString replaces has one of these characters: without them it has nothing to do.
const CLEAN_STRING_REPLACED = /[&%’‘“”*#]/;

function replaceCleanStringChars(input: string): string {
  return input
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
  return /^[0-9]+$/.test(s) || /^\p{Nd}+$/u.test(s);
}
