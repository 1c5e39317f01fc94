import { lastFour, type Finding } from "../findings";
import { isCardNumber, isEinPrefix, isItin, isRoutingNumber, isSsn } from "./checksums";

/*
 * Identifying numbers in free text: SSNs and ITINs in every format a filing uses (dashes,
 * dots, spaces or none), EINs, payment cards (Luhn and issuer prefix), routing numbers (ABA
 * check digit, named as such), account numbers (named as such) and alien registration numbers.
 * Passport numbers are read when named as such.
 * A number counts only when it stands alone: not part of a longer run of digits, a word, a
 * decimal, a docket number (5:26-mc-80026), a path (/doc1/035123456789) or an amount ($1,234).
 */

// A dash of any kind (PDF text turns hyphens into en dashes), a space, a no-break space or a dot.
const DASH = "[-\\u2010-\\u2015]";
const SEP = `(?:[ \\u00a0.]|\\s?${DASH}\\s?)`;
const CARD_SEP = `(?:[ \\u00a0]|${DASH})`;
// Not glued to a word, a decimal, an amount, a path or a docket number's colon.
const START = "(?<![\\w$.,/\\-\\u2010-\\u2015])(?<!\\d:)";
const END = `(?![\\w]|[.,/]\\d|${DASH}\\d)`;

const SSN_SEPARATED = new RegExp(`${START}(\\d{3})${SEP}(\\d{2})${SEP}(\\d{4})${END}`, "g");
const NINE_DIGITS = new RegExp(`${START}(\\d{9})${END}`, "g");
const EIN_DASHED = new RegExp(`${START}(\\d{2})\\s?${DASH}\\s?(\\d{7})${END}`, "g");
const CARD = new RegExp(
  `${START}(\\d{4}(?:${CARD_SEP}\\d{4}){2}${CARD_SEP}\\d{1,7}|\\d{4}${CARD_SEP}\\d{6}${CARD_SEP}\\d{4,5}|\\d{13,19})${END}`,
  "g",
);
const ACCOUNT = new RegExp(
  "\\b(?:account|acct|a/c)s?\\.?(?:\\s*(?:no|nos|num|number|#|id|ending\\s+in)\\b)?\\.?\\s*[:#]?\\s*" +
    `(\\d(?:(?:[ \\u00a0]|${DASH})?\\d){4,29})${END}`,
  "gid",
);
const ROUTING = new RegExp(
  "(?:\\brouting|\\bABA|\\bRTN|\\btransit)(?:\\s*(?:transit|routing))?(?:\\s*(?:no|num|number|#)\\b)?\\.?\\s*[:#]?\\s*(\\d{9})(?!\\d)",
  "gid",
);
const ALIEN = new RegExp(
  `(?:(?<![\\w-])A(?:${DASH}|#\\s?)|(?:\\bA${DASH}?(?:number|no\\.?|#)|\\balien\\s+(?:registration\\s+)?(?:number|no\\.?|#))\\s*[:#]?\\s*(?:A${DASH}?)?)` +
    `(\\d{3}${DASH}?\\d{3}${DASH}?\\d{3}|\\d{8})${END}`,
  "gd",
);

const PASSPORT = /\bpassport(?:\s*(?:no|num|number|#)\b)?\.?\s*[:#]?\s*([A-Z]{0,2}\d{6,9})(?![\w])/dgi;

// What the text just before a bare number says it is.
const TAXPAYER_CONTEXT = /(?:\bSSNs?|\bS\.S\.N|social[-\s]+security|\bsoc\.?\s*sec|\btaxpayer|\bT\.?I\.?N\b|\bITIN|\btax\s*id)/i;
const EIN_CONTEXT = /(?:\bF?EIN\b|employer\s+identification)/i;
const ID_LABEL =
  /(?:case\s*id|doc(?:ument)?\s*id|(?:\b|_)id|stamp|claim[_\s]*num|file\s*num(?:ber)?|magic[_\s]*num|\bpacer|\becf|\bdkt|\bdocket|\bseq|\bbates|\bno|\bnumber|\bfile)\W{0,3}$/i;

/** The same line, up to `length` characters before `index`. */
function before(text: string, index: number, length: number): string {
  const slice = text.slice(Math.max(0, index - length), index);
  return slice.slice(slice.lastIndexOf("\n") + 1);
}

const taxpayerNumber = (area: string, group: string, serial: string): Finding["kind"] | null =>
  isSsn(area, group, serial) ? "ssn" : isItin(area, group, serial) ? "itin" : null;

const ssnRemnant = (digits: string) => `XXX-XX-${lastFour(digits)}`;

export function detectNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: Finding["kind"], start: number, end: number, replacement: string) => findings.push({ kind, start, end, replacement });

  for (const m of text.matchAll(ROUTING)) {
    const [start, end] = m.indices![1]!;
    if (isRoutingNumber(m[1]!)) add("routing", start, end, `XXXXX${lastFour(m[1]!)}`);
  }
  for (const m of text.matchAll(ACCOUNT)) {
    const [start, end] = m.indices![1]!;
    add("account", start, end, `XXXX${lastFour(m[1]!)}`);
  }
  for (const m of text.matchAll(ALIEN)) {
    const [start, end] = m.indices![1]!;
    add("alien-number", start, end, `XXXXX${lastFour(m[1]!)}`);
  }
  for (const m of text.matchAll(PASSPORT)) {
    const [start, end] = m.indices![1]!;
    add("passport", start, end, `XXXXX${lastFour(m[1]!)}`);
  }
  for (const m of text.matchAll(SSN_SEPARATED)) {
    const kind = taxpayerNumber(m[1]!, m[2]!, m[3]!);
    if (kind) add(kind, m.index, m.index + m[0].length, ssnRemnant(m[0]));
  }
  for (const m of text.matchAll(NINE_DIGITS)) {
    const digits = m[1]!;
    const context = before(text, m.index, 40);
    if (EIN_CONTEXT.test(context) && isEinPrefix(digits.slice(0, 2))) {
      add("ein", m.index, m.index + 9, `XX-XXX${lastFour(digits)}`);
      continue;
    }
    // Named as an SSN or TIN, it is one; otherwise a bare number labelled as an id is an id.
    if (!TAXPAYER_CONTEXT.test(context) && ID_LABEL.test(before(text, m.index, 14))) continue;
    const kind = taxpayerNumber(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5));
    if (kind) add(kind, m.index, m.index + 9, ssnRemnant(digits));
  }
  for (const m of text.matchAll(EIN_DASHED)) {
    if (isEinPrefix(m[1]!)) add("ein", m.index, m.index + m[0].length, `XX-XXX${lastFour(m[2]!)}`);
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[1]!.replace(/\D/g, "");
    if (isCardNumber(digits)) add("card", m.index, m.index + m[0].length, `XXXX${lastFour(digits)}`);
  }
  return findings;
}
