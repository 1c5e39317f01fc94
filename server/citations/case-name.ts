/**
 * Case names, read backwards from a case citation as eyecite does: past the reporter tokens and
 * a `(2009)` year, stopping at a semicolon or closing quote, an opening parenthesis, a stop word
 * (`see`, `In re`, `quoting`…), a lowercase word, or a new sentence; a `v.` on the way splits the
 * name into plaintiff and defendant. Plain text only: in HTML the tags stay in the names, as in
 * eyecite's plain-text mode.
 */
import type { ParsedCitation } from "./parsed";
import { spanOf } from "./parsed";
import { isAlpha, isLower, isUpper, pySlice, stripChars, WORD_CHAR } from "./python-text";
import { STOP_WORD_PATTERN } from "./tokenizer";
import { isToken, wordText, type Token, type Word } from "./tokens";

/** How far back a case name may start, in words (the median CourtListener case name is 28 characters). */
const BACKWARD_SEEK = 28;
const SMALL_WORDS = ["of", "the", "an", "and"];
const PY_WHITESPACE = " \t\n\r\v\f";

const STOP_WORD_ANYWHERE = new RegExp(STOP_WORD_PATTERN, "g");
const STOP_WORD_ANYWHERE_I = new RegExp(STOP_WORD_PATTERN, "gi");
const FIRST_CAPITALISED = new RegExp(`(?<!${WORD_CHAR})[A-Z][a-zA-Z0-9]*(?!${WORD_CHAR})`, "u");
const LOWERCASE_WORD = new RegExp(`(?<!${WORD_CHAR})[a-z]${WORD_CHAR}*`, "gu");
const VERSUS = /\s+v\.?\s+/;

const isVersus = (word: Word): word is Token => isToken(word) && word.kind === "stopWord" && word.groups.stop_word === "v";
const joinWords = (words: Word[], start: number, end: number): string => pySlice(words, start, end).map(wordText).join("");

/** Stop words and a leading `In` removed; after a semicolon, only what follows it. */
export function stripStopWords(text: string): string {
  let cleaned = text.replace(STOP_WORD_ANYWHERE, " ");
  cleaned = cleaned.replace(/^In\s+/i, "").trim();
  cleaned = cleaned.replace(/^\(+/, "").replace(/\)+$/, "");
  if (cleaned.includes(";")) cleaned = cleaned.split(";")[1]!;
  return stripChars(stripChars(cleaned, ", ").replace(STOP_WORD_ANYWHERE_I, ""), ", ").trim();
}

export function findCaseName(citation: ParsedCitation, words: Word[], short: boolean): void {
  let vToken: Token | null = null;
  let startIndex: number | null = null;
  let candidate: string | null = null;
  let preCiteYear: string | null = null;
  let titleStart = citation.index - 1;
  let nameLength = 0;
  let plaintiffLength = 0;

  const backSeek = citation.index - BACKWARD_SEEK;
  for (let index = citation.index - 1; index > Math.max(backSeek, -1); index--) {
    const word = words[index]!;
    const text = wordText(word);
    if (text === ",") continue;
    nameLength++;
    if (vToken && text.trim() !== "") plaintiffLength++;

    if (isToken(word) && word.kind === "citation") {
      titleStart = index - 1;
      continue;
    }
    if (text.endsWith(";") || text.endsWith("”") || text.endsWith('"')) {
      startIndex = index + 2;
      candidate = joinWords(words, startIndex, titleStart);
      break;
    }
    if (/^\(\d{4}\)/.test(text)) {
      titleStart = index - 1;
      preCiteYear = text.slice(1, 5);
      continue;
    }
    if (text.startsWith("(") && nameLength > 3) {
      startIndex = index;
      if (text === "(" || (isAlpha(text[1]) && isLower(text[1]))) startIndex = index + 2;
      candidate = joinWords(words, startIndex, titleStart);
      break;
    }
    const blank = text.trim() === "";
    if (vToken && !isUpper(text[0]) && !blank && !SMALL_WORDS.includes(text)) {
      startIndex = index + 2;
      candidate = joinWords(words, startIndex, titleStart).replace(/^(of|the|an|and)\s+/, "");
      break;
    }
    if (isToken(word) && word.kind === "placeholder") {
      titleStart = index - 1;
      continue;
    }
    if (isVersus(word)) {
      vToken = word;
      startIndex = index - 2;
      candidate = joinWords(words, startIndex, titleStart);
      continue;
    }
    const likelyNewSentence = vToken !== null && isUpper(text[0]) && text.length > 4 && text.endsWith(".") && plaintiffLength > 1;
    if (likelyNewSentence || (isToken(word) && word.kind === "stopWord")) {
      startIndex = index + 2;
      candidate = joinWords(words, startIndex, titleStart);
      break;
    }
    if (!vToken && !isUpper(text[0]) && !blank && isAlpha(text[0]) && !SMALL_WORDS.includes(text)) {
      if (text === "ex" || text === "rel.") continue;
      if (isToken(word) && word.kind === "supra") {
        // A case name usually precedes supra: step over it without taking it into the name.
        titleStart = index - 1;
        continue;
      }
      startIndex = index + 2;
      candidate = joinWords(words, startIndex, titleStart);
      const capitalised = FIRST_CAPITALISED.exec(candidate);
      candidate = capitalised ? candidate.slice(capitalised.index) : null;
      break;
    }
    if (index === 0) {
      candidate = joinWords(words, 0, titleStart).replace(/^(of|the|an|and)\b/i, "");
      startIndex = 0;
      if (/\b\d+\b$/.test(candidate)) candidate = null;
    }
  }

  if (!candidate) return;
  let defendant: string;
  if (vToken) {
    const split = VERSUS.exec(candidate);
    let plaintiff = split ? candidate.slice(0, split.index) : "";
    defendant = split ? candidate.slice(split.index + split[0].length) : candidate;
    plaintiff = stripChars(plaintiff, `${PY_WHITESPACE},(`);
    citation.meta.plaintiff = stripStopWords(plaintiff.replace(LOWERCASE_WORD, ""));
  } else {
    defendant = candidate;
  }
  const cleanDefendant = stripStopWords(defendant);
  if (cleanDefendant) {
    if (short) citation.meta.antecedent = cleanDefendant;
    else citation.meta.defendant = cleanDefendant;
    const offset = joinWords(words, startIndex!, citation.index - 1).length + 1;
    citation.fullSpanStart = spanOf(citation)[0] - offset;
  }
  if (preCiteYear) {
    citation.meta.year = preCiteYear;
    citation.year = Number.parseInt(preCiteYear, 10);
  }
}
