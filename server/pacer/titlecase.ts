import { pyCapitalize, pyIsUpper } from "./strings";

/**
 * Juriscraper's `titlecase` (a port of the New York Times style title-caser), used for party
 * types ("COUNTER CLAIMANT" → "Counter Claimant") and judge names. Kept rule for rule so that
 * odd inputs come out the way the reference's expected files show them.
 */

const BIG =
  "3D|AFL|AKA|A/K/A|BMG|CBS|CDC|CDT|CEO|CIO|CNMI|D/B/A|DOJ|DVA|EFF|FCC|FTC|HSBC|IBM|II|III|IV|JJ|LLC|LLP|MCI|MJL|MSPB|ND|NLRB|PTO|SD|UPS|RSS|SEC|UMG|US|USA|USC|USPS|WTO";
const SMALL = "a|an|and|as|at|but|by|en|for|if|in|is|of|on|or|the|to|v\\.?|via|vs\\.?";
// Python's PUNCT, escaped for a JavaScript character class.
const PUNCT = "!\"#$¢%&'‘()*+,\\-./:;?@\\[\\\\\\]_—`{|}~";
const WEIRD_CHARS = "¼½¾§ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôœõöøùúûüÿ";
const PY_S = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

const BIG_WORDS = new RegExp(`^(${BIG})[${PUNCT}]?$`, "iu");
const SMALL_WORDS = new RegExp(`^(${SMALL})$`, "i");
const SMALL_WORD_INLINE = new RegExp(`(^|[${PY_S}])(${SMALL})([${PY_S}]|$)`, "giu");
const INLINE_PERIOD = /[a-z][.][a-z]/i;
const INLINE_SLASH = /[a-z][/][a-z]/i;
const INLINE_AMPERSAND = /^([a-z][&][a-z])(.*)/is;
const UC_ELSEWHERE = new RegExp(`^[${PUNCT}]*?[a-zA-Z]+[A-Z]+?`, "u");
const CAPFIRST = new RegExp(`^[${PUNCT}]*?([A-Za-z])`, "u");
const SMALL_FIRST = new RegExp(`^([${PUNCT}]*)(${SMALL})\\b`, "iu");
const SMALL_LAST = new RegExp(`\\b(${SMALL})[${PUNCT}]?$`, "iu");
const SUBPHRASE = new RegExp(`([:;?!][ ])(${SMALL})`, "gu");
const APOS_SECOND = /^[dol]{1}['‘]{1}[a-z]+$/i;
const ALL_CAPS = new RegExp(`^[A-Z${PY_S}${PUNCT}${WEIRD_CHARS}0123456789]+$`, "u");
const UC_INITIALS = /^(?:[A-Z]{1}\.{1}|[A-Z]{1}\.{1}[A-Z]{1})+,?$/;
const MAC_MC = /^([Mm]a?c)([\p{L}\p{N}_]+.*)/su;
const CAPITAL_V = /[^\p{L}\p{N}_]V\.[^\p{L}\p{N}_]/gu;

function splitInitials(word: string, separator: string): string {
  return word
    .split(separator)
    .map((part) => (part.length === 1 ? part.toUpperCase() : part))
    .join(separator);
}

function titlecaseWord(input: string, allCaps: boolean): string {
  let word = input;
  if (allCaps) {
    if (UC_INITIALS.test(word)) return word;
    word = word.toLowerCase();
  }
  if (APOS_SECOND.test(word)) return word.slice(0, 3).toUpperCase() + word.slice(3);
  if (INLINE_PERIOD.test(word)) return splitInitials(word, ".");
  if (INLINE_SLASH.test(word)) return splitInitials(word, "/");
  const amp = INLINE_AMPERSAND.exec(word);
  if (amp) return amp[1]!.toUpperCase() + amp[2]!;
  if (UC_ELSEWHERE.test(word)) return word;
  if (SMALL_WORDS.test(word)) return word.toLowerCase();
  if (BIG_WORDS.test(word)) return word.toUpperCase();
  const mac = MAC_MC.exec(word);
  if (mac && word !== "mack" && word !== "machine") {
    return pyCapitalize(mac[1]!) + pyCapitalize(mac[2]!);
  }
  return word
    .split("-")
    .map((item) => item.replace(CAPFIRST, (m) => m.toUpperCase()))
    .join("-");
}

export function titlecase(input: string): string {
  let text = input;
  if (pyIsUpper(text.replace(SMALL_WORD_INLINE, ""))) text = text.toLowerCase();

  const processed: string[] = [];
  for (const line of text.split(/[\r\n]+/)) {
    const allCaps = ALL_CAPS.test(line);
    let result = line
      .split(/[\t ]/)
      .map((word) => titlecaseWord(word, allCaps))
      .join(" ");
    result = result.replace(SMALL_FIRST, (_m, punct: string, small: string) => punct + pyCapitalize(small));
    result = result.replace(SMALL_LAST, (m) => pyCapitalize(m));
    result = result.replace(SUBPHRASE, (_m, sep: string, small: string) => sep + pyCapitalize(small));
    processed.push(result);
  }
  return processed.join("\n").replace(CAPITAL_V, " v. ");
}
