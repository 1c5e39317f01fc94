/**
 * Cuts text into words and tokens as eyecite's tokenizer does: every extractor's matches, sorted
 * by start (longest first at the same start), identical citation matches from different
 * reporters merged (so `1 P.R. 1` keeps all three reporters it could mean), later overlapping
 * matches dropped, and the text between tokens split on spaces, each space a word of its own.
 */
import type { CitationExtractor, ExtractorSet } from "./extractors";
import { StringMatcher } from "./aho-corasick";
import { type Groups, type Token, type TokenKind, type Word } from "./tokens";

// Case-name stop words: a token for each, so the case-name scan knows where a name ends.
const STOP_WORDS = [
  "v",
  "in re",
  "re",
  "quoting",
  "e.g.",
  "parte",
  "denied",
  "citing",
  "aff'd",
  "affirmed",
  "remanded",
  "see also",
  "see",
  "granted",
  "dismissed",
  "Cf",
];
const PUNCTUATION = "[^\\sa-zA-Z0-9]*";
const spaceBounded = (regex: string): string => `(?:^|\\s)(${regex})(?:\\s|$)`;
export const STOP_WORD_PATTERN = spaceBounded(`${PUNCTUATION}(?<stop_word>${STOP_WORDS.join("|")})${PUNCTUATION}`);

// Reporters that appear with a blank volume and page (`— U.S. —`, `___ Nev. ___`): a token so the
// case-name scan steps over them.
const PLACEHOLDER_REPORTERS = [
  "A\\.?2d",
  "A\\.?3d",
  "AD3d",
  "Cal\\.",
  "F\\.?3d",
  "F\\.Supp\\.2d",
  "Idaho",
  "Iowa",
  "L\\.Ed\\.",
  "Mass\\.",
  "N\\.?J\\.?",
  "N\\.C\\.\\s?App\\.",
  "N\\.E\\.3d",
  "N\\.J\\.\\sSuper\\.(\\sat)?",
  "N\\.W\\.2d",
  "N\\.W\\.3d",
  "N\\.?Y\\.?",
  "Nev\\.",
  "NY3d",
  "Ohio\\sSt\\.3d",
  "P\\.?3d",
  "S\\.?E\\.?2d",
  "S\\.?E\\.?3d",
  "S\\.?W\\.?2d",
  "S\\.?W\\.?3d",
  "S\\.C\\.",
  "S\\.Ct\\.",
  "So\\.?3d",
  "U\\.\\s?S\\.",
  "W\\.Va\\.",
  "Wis\\.\\s?2d",
];

type SpecialExtractor = { kind: TokenKind; regex: RegExp };

const SPECIAL_EXTRACTORS: SpecialExtractor[] = [
  { kind: "id", regex: new RegExp(spaceBounded("id\\.,?|ibid\\."), "gid") },
  { kind: "supra", regex: new RegExp(spaceBounded(`${PUNCTUATION}supra${PUNCTUATION}`), "gid") },
  { kind: "paragraph", regex: /(\n)/dg },
  { kind: "stopWord", regex: new RegExp(STOP_WORD_PATTERN, "gid") },
  { kind: "placeholder", regex: new RegExp(`([_—–-]+\\s(${PLACEHOLDER_REPORTERS.join("|")})\\s[_—–-]+)`, "gid") },
  { kind: "section", regex: /(\S*§\S*)/dg },
];

function specialToken(kind: TokenKind, match: RegExpExecArray): Token {
  // Group 1 is the token; the boundary characters matched around it are not part of it.
  const [start, end] = match.indices![1]!;
  return { kind, data: match[1]!, start, end, groups: { ...match.groups }, exactEditions: [], variationEditions: [], short: false };
}

function citationToken(extractor: CitationExtractor, match: RegExpExecArray): Token {
  return {
    kind: "citation",
    data: match[0],
    start: match.index,
    end: match.index + match[0].length,
    groups: { ...match.groups },
    exactEditions: extractor.exactEditions,
    variationEditions: extractor.variationEditions,
    short: extractor.short,
  };
}

/** A prepared tokenizer over one set of extractors (the string matcher is built once). */
export class Tokenizer {
  private readonly matcher: StringMatcher;
  /** For each matcher pattern, the extractors that need it. */
  private readonly extractorsByString: number[][] = [];
  /** Extractors with no literal to look for: run over the whole text. */
  private readonly unfiltered: number[] = [];

  constructor(private readonly set: ExtractorSet) {
    const ids = new Map<string, number>();
    set.citations.forEach((extractor, index) => {
      if (!extractor.strings.length) {
        this.unfiltered.push(index);
        return;
      }
      for (const string of extractor.strings) {
        let id = ids.get(string);
        if (id === undefined) {
          id = ids.size;
          ids.set(string, id);
          this.extractorsByString[id] = [];
        }
        this.extractorsByString[id]!.push(index);
      }
    });
    this.matcher = new StringMatcher([...ids.keys()]);
  }

  /** Every citation-shaped match, as eyecite's per-extractor `finditer` would find them. */
  citationTokens(text: string): Token[] {
    const tokens: Token[] = [];
    // Where each extractor may next match: eyecite's regexes consume one boundary character on
    // each side, so a match cannot start until two characters after the previous one ended.
    const nextAllowed = new Map<number, number>();

    for (const index of this.unfiltered) {
      const extractor = this.set.citations[index]!;
      const regex = extractor.global;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        tokens.push(citationToken(extractor, m));
        regex.lastIndex = m.index + Math.max(m[0].length, 1) + 2;
      }
    }

    // Candidate positions: where a reporter string occurs, whitespace ignored (the reporter
    // patterns allow free spacing between the parts of an abbreviation).
    const stripped = new Int32Array(text.length);
    let compactLength = 0;
    const compactParts: string[] = [];
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      if (isWhitespace(text.charCodeAt(i))) {
        if (runStart < i) compactParts.push(text.slice(runStart, i));
        runStart = i + 1;
        continue;
      }
      stripped[compactLength++] = i;
    }
    if (runStart < text.length) compactParts.push(text.slice(runStart));
    const compact = compactParts.join("");
    const candidates: { extractor: number; at: number }[] = [];
    this.matcher.scan(compact, (pattern, end) => {
      const at = stripped[end - this.matcher.lengths[pattern]!]!;
      for (const extractor of this.extractorsByString[pattern]!) candidates.push({ extractor, at });
    });
    candidates.sort((a, b) => a.at - b.at || a.extractor - b.extractor);

    const lookBehind = this.set.lookBehind;
    for (const { extractor: index, at } of candidates) {
      const extractor = this.set.citations[index]!;
      const from = Math.max(nextAllowed.get(index) ?? 0, at - lookBehind, 0);
      const regex = extractor.sticky;
      for (let start = from; start <= at; start++) {
        // A match starts after a non-alphanumeric character and never on a space.
        if (start > 0 && isAlphanumeric(text.charCodeAt(start - 1))) continue;
        if (isWhitespace(text.charCodeAt(start))) continue;
        regex.lastIndex = start;
        const m = regex.exec(text);
        if (!m) continue;
        tokens.push(citationToken(extractor, m));
        nextAllowed.set(index, m.index + Math.max(m[0].length, 1) + 2);
        break;
      }
    }
    return tokens;
  }

  tokenize(text: string): { words: Word[]; citationTokens: [number, Token][] } {
    const found = this.citationTokens(text);
    for (const { kind, regex } of SPECIAL_EXTRACTORS) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        found.push(specialToken(kind, m));
        if (m[0].length === 0) regex.lastIndex++;
      }
    }
    // Stable sort: earlier start first, longer first; ties keep extractor order.
    const order = found.map((token, i) => ({ token, i }));
    order.sort((a, b) => a.token.start - b.token.start || b.token.end - a.token.end || a.i - b.i);

    const words: Word[] = [];
    const citationTokens: [number, Token][] = [];
    let offset = 0;
    let last: Token | null = null;
    for (const { token } of order) {
      if (last && mergeInto(last, token)) continue;
      if (offset > token.start) {
        // A party named like a nominative reporter (`Shapiro v. Thompson, 394 U.S. 618`) gives a
        // citation-shaped token (`Thompson, 394`) that overlaps the real one: eyecite discards it,
        // and its text with it (so the party's name is then missing from the case name, as there).
        if (!last || token.kind !== "citation" || !fromNominativeReporter(last)) continue;
        words.length = citationTokens.pop()![0];
      } else if (offset < token.start) {
        appendText(words, text.slice(offset, token.start));
      }
      citationTokens.push([words.length, token]);
      words.push(token);
      offset = token.end;
      last = token;
    }
    if (offset < text.length) appendText(words, text.slice(offset));
    return { words, citationTokens };
  }
}

/** Nominative reporters whose names are also common party names (eyecite's list). */
const NOMINATIVE_REPORTER_NAMES = new Set(["Thompson", "Cooke", "Holmes", "Olcott", "Chase", "Gilmer", "Bee", "Deady", "Taney"]);

function fromNominativeReporter(token: Token): boolean {
  if (token.kind !== "citation") return false;
  const edition = token.exactEditions[0] ?? token.variationEditions[0];
  return edition !== undefined && NOMINATIVE_REPORTER_NAMES.has(edition.reporter.shortName);
}

function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function sameGroups(a: Groups, b: Groups): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/** The same citation matched by two reporters' patterns: one token that could be either. */
function mergeInto(last: Token, token: Token): boolean {
  if (last.start !== token.start || last.end !== token.end || last.kind !== token.kind || !sameGroups(last.groups, token.groups)) {
    return false;
  }
  if (last.kind !== "citation") return true;
  if (last.short !== token.short) return false;
  last.exactEditions = [...new Set([...last.exactEditions, ...token.exactEditions])];
  last.variationEditions = [...new Set([...last.variationEditions, ...token.variationEditions])];
  return true;
}

/** eyecite's word split: on single spaces, each space kept as a word of its own. */
function appendText(words: Word[], text: string): void {
  for (const part of text.split(" ")) {
    if (part) words.push(part, " ");
    else words.push(" ");
  }
  words.pop();
}
