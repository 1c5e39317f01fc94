/**
 * Reference citations: after a full case cite, its party name with a pin cite (`Amick at 795`,
 * `Foo at 62`), as eyecite finds them — anywhere later in the text, and only for names that
 * cannot be mistaken for something else.
 */
import { newCitation, type ParsedCitation, spanOf } from "./parsed";
import { pinCite } from "./patterns";
import { escapeRegex } from "./regex-templates";
import { WORD_CHAR } from "./python-text";

/**
 * Names too common to stand for one case. (eyecite's list also holds attorneys general's names,
 * but compares them after lowercasing the name, so only these lowercase entries ever apply.)
 */
const DISALLOWED_NAMES = new Set(["state", "united states", "people", "commonwealth", "mass"]);

export function isUsableName(name: string | undefined): name is string {
  return (
    name !== undefined &&
    name.length > 2 &&
    /\p{Lu}/u.test(name[0]!) &&
    !name.endsWith(".") &&
    !/^\d+$/.test(name) &&
    !DISALLOWED_NAMES.has(name.toLowerCase())
  );
}

/** Python's `\b` before a literal: a word boundary, judged by the literal's first character. */
function boundaryBefore(literal: string): string {
  return new RegExp(`^${WORD_CHAR}`, "u").test(literal) ? `(?<!${WORD_CHAR})` : `(?<=${WORD_CHAR})`;
}

export function referenceCitations(full: ParsedCitation, text: string): ParsedCitation[] {
  const end = spanOf(full)[1];
  if (text.length <= end) return [];
  const alternatives: string[] = [];
  for (const key of ["plaintiff", "defendant"] as const) {
    const name = full.meta[key];
    if (isUsableName(name)) alternatives.push(`${boundaryBefore(name)}(?<${key}>${escapeRegex(name)})`);
  }
  if (!alternatives.length) return [];
  const regex = new RegExp(`(?:${alternatives.join("|")})\\s+${pinCite()}`, "gu");
  const found: ParsedCitation[] = [];
  regex.lastIndex = end;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const start = m.index;
    const stop = start + m[0].length;
    const token = {
      kind: "citation" as const,
      data: m[0],
      start,
      end: stop,
      groups: {},
      exactEditions: [],
      variationEditions: [],
      short: false,
    };
    const reference = newCitation("reference", token, 0, { spanStart: start, spanEnd: stop, fullSpanStart: start, fullSpanEnd: stop });
    reference.meta.plaintiff = m.groups!.plaintiff;
    reference.meta.defendant = m.groups!.defendant;
    reference.meta.pinCite = m.groups!.pin_cite;
    found.push(reference);
    if (m[0].length === 0) regex.lastIndex++;
  }
  return found;
}
