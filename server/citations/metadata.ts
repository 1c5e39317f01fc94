/**
 * What follows (or precedes) a citation token: pin cite, court and date, parentheticals, a
 * statute's publisher and year; and the edition and court the reporter implies.
 */
import { editionIncludesYear } from "./editions";
import { allEditions, type ParsedCitation, spanOf } from "./parsed";
import {
  POST_FULL_CITATION,
  POST_JOURNAL_CITATION,
  POST_LAW_CITATION,
  POST_SHORT_CITATION,
  PRE_FULL_CITATION,
  YEAR_AT_START,
} from "./patterns";
import { rstripChars, stripChars } from "./python-text";
import { namedGroup } from "./regex-templates";
import { matchOnTokens } from "./token-matching";
import type { Word } from "./tokens";
import type { CourtMatcher } from "./courts";

/** Courts in December sometimes cite a case to be published in January. */
export function plausibleYear(text: string | undefined, now = new Date()): number | undefined {
  if (!text || !/^\d+$/.test(text)) return undefined;
  const year = Number.parseInt(text, 10);
  return year >= 1600 && year <= now.getFullYear() + 1 ? year : undefined;
}

const cleanPinCite = (pin: string | undefined): string | undefined => (pin === undefined ? undefined : stripChars(pin, ", "));

/** The parenthetical up to its own closing parenthesis; a bare year is not a parenthetical. */
export function processParenthetical(matched: string | undefined): string | undefined {
  if (matched === undefined) return undefined;
  let balance = 0;
  for (let i = 0; i < matched.length; i++) {
    if (matched[i] === "(") balance++;
    else if (matched[i] === ")") balance--;
    if (balance < 0) return matched.slice(0, i) || undefined;
  }
  if (YEAR_AT_START.test(matched)) return undefined;
  return matched || undefined;
}

export function addPostCitation(c: ParsedCitation, words: Word[], courts: CourtMatcher | undefined): void {
  const m = matchOnTokens(words, c.index + 1, POST_FULL_CITATION);
  if (!m) return;
  const g = m.groups!;
  const end = spanOf(c)[1];
  c.fullSpanEnd = end + m[0].length;
  const pin = namedGroup(g, "pin_cite");
  c.meta.pinCite = cleanPinCite(pin) || undefined;
  c.meta.extra = (g.extra ?? "").trim() || undefined;
  c.meta.parenthetical = processParenthetical(g.parenthetical);
  if (g.parenthetical !== undefined && c.meta.parenthetical !== undefined && g.parenthetical.length > c.meta.parenthetical.length) {
    c.fullSpanEnd -= g.parenthetical.length - c.meta.parenthetical.length;
  }
  c.meta.year = g.year;
  c.meta.month = g.month;
  c.meta.day = g.day;
  if (g.year) c.year = plausibleYear(g.year);
  // eyecite's court runs lazily to the first later year, which in a one-line paragraph can be
  // several sentences on (`(2021). The Ninth Circuit … (9th Cir. 2010)`): such text is kept for
  // the id lookup, as eyecite does, but not offered as a court's name.
  const court = g.court?.trim();
  if (court) {
    c.meta.courtText = court.length <= 60 && !/[()[\]]/.test(court) ? court : undefined;
    c.meta.court = courts?.(g.court!);
  }
  if (court) c.meta.courtNamed = true;
}

/** A full cite without a case name may follow a one-word name and pin cite (`Nobelman at 332, 113 S. Ct. 2106`). */
export function addPreCitation(c: ParsedCitation, words: Word[]): void {
  if (c.meta.plaintiff || c.meta.defendant) return;
  const m = matchOnTokens(words, c.index - 1, PRE_FULL_CITATION, { forward: false, stringsOnly: true });
  if (!m) return;
  c.meta.pinCite = cleanPinCite(m.groups!.pin_cite) || undefined;
  c.meta.antecedent = m.groups!.antecedent;
  c.fullSpanStart = spanOf(c)[0] - m[0].length;
}

export function addLawMetadata(c: ParsedCitation, words: Word[]): void {
  const m = matchOnTokens(words, c.index + 1, POST_LAW_CITATION, { stringsOnly: true });
  if (!m) return;
  const g = m.groups!;
  c.fullSpanEnd = spanOf(c)[1] + m[0].length;
  c.meta.pinCite = cleanPinCite(g.pin_cite) || undefined;
  c.meta.publisher = g.publisher;
  c.meta.day = g.day;
  c.meta.month = g.month;
  c.meta.parenthetical = processParenthetical(g.parenthetical);
  c.meta.year = g.year;
  if (g.year) c.year = plausibleYear(g.year);
}

export function addJournalMetadata(c: ParsedCitation, words: Word[]): void {
  const m = matchOnTokens(words, c.index + 1, POST_JOURNAL_CITATION, { stringsOnly: true });
  if (!m) return;
  const g = m.groups!;
  c.fullSpanEnd = spanOf(c)[1] + m[0].length;
  c.meta.pinCite = cleanPinCite(g.pin_cite) || undefined;
  c.meta.parenthetical = processParenthetical(g.parenthetical);
  c.meta.year = g.year;
  if (g.year) c.year = plausibleYear(g.year);
}

/**
 * The pin cite and parenthetical after a short form, Id. or supra, and where the citation then
 * ends. `prefix` is the short form's page (`at 241`), which is also its pin cite.
 */
export function extractPinCite(words: Word[], index: number, prefix = ""): { pinCite?: string; spanEnd: number; parenthetical?: string } {
  const from = words[index] as { end: number };
  const m = matchOnTokens(words, index + 1, POST_SHORT_CITATION, { prefix, stringsOnly: true })!;
  const pin = m.groups!.pin_cite;
  const extraChars = pin ? rstripChars(pin, ", ").length : 0;
  return {
    pinCite: pin ? cleanPinCite(pin) : undefined,
    spanEnd: from.end + extraChars - prefix.length,
    parenthetical: processParenthetical(m.groups!.parenthetical),
  };
}

/** The edition meant: the exact abbreviation's, else a variation's, narrowed by the year when several fit. */
export function guessEdition(c: ParsedCitation): void {
  let editions = c.exactEditions.length ? c.exactEditions : c.variationEditions;
  if (!editions.length) return;
  editions = [...new Set(editions)];
  if (editions.length > 1 && c.year) editions = editions.filter((e) => editionIncludesYear(e, c.year!));
  if (editions.length === 1) c.editionGuess = editions[0];
}

/**
 * A Supreme Court reporter implies its court when no court id was found. Without courts-db a
 * named court cannot be looked up, so a citation that names one gets no guess rather than a
 * wrong `scotus` (eyecite guesses only when its lookup fails).
 */
export function guessCourt(c: ParsedCitation, courts: CourtMatcher | undefined): void {
  if (c.meta.court || (c.meta.courtNamed && !courts)) return;
  if (allEditions(c).some((e) => e.reporter.isScotus)) c.meta.court = "scotus";
}
