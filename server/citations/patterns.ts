/**
 * The patterns eyecite reads around a citation token: pin cites, the court-and-date
 * parenthetical, explanatory parentheticals, a statute's publisher and year, and the word a
 * short form or supra points back to. Written out for JavaScript from eyecite's definitions
 * (which are Python verbose-mode regexes), so that the same text yields the same fields.
 */

// One pin-cite element: an optional label (note, n., fn., ¶, §, *, p., pp.) then a page, a page
// range, or page:line. Ranges take a hyphen only: `307–309` (en dash) is not a pin cite here, as
// in eyecite.
const PIN_CITE_TOKEN =
  "(?:(?:(?:& )?note|(?:& )?nn?\\.?|(?:& )?fn?\\.?|¶{1,2}|§{1,2}|\\*{1,4}|pg\\.?|pp?\\.?) ?)?" +
  "(?:\\d+:\\d+(?:-\\d+(?::\\d+)?)?|[*]?\\d+(?:-\\d+)?)";

/**
 * A pin cite: optional comma, space and "at", one or more elements, and then punctuation, a
 * parenthesis or the end — so that it never swallows the start of the next citation.
 */
export const pinCite = (group = "pin_cite"): string =>
  `(?<${group}>,? ?(?:at )?${PIN_CITE_TOKEN}(?:, ?${PIN_CITE_TOKEN})*(?=[,.;)\\]\\\\]| ?[(\\[]|$))`;

/** Everything to the last closing parenthesis; the caller trims it to the first balanced one. */
const PARENTHETICAL = "(?: ?\\((?<parenthetical>[^\\n]*)\\))?";
const MONTH = "Jan\\.|Feb\\.|Mar\\.|Apr\\.|May|June|July|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.";
/** A year, occasionally a range (`1993-94`), whose end is ignored. */
const YEAR = "\\d{4}(?:-\\d{2})?";
export const YEAR_AT_START = new RegExp(`^${YEAR}`);

/**
 * After a full case cite: pin cite, any parallel cites (`extra`), then `(court month day, year)`
 * and an explanatory parenthetical; or, failing a dated parenthetical, a pin cite alone.
 */
export const POST_FULL_CITATION = new RegExp(
  "^(?:" +
    `(?:${pinCite()}?,? ?(?<extra>[^(;]*))` +
    "[\\(\\[]" +
    `(?:(?:(?<court>[^\\n]*?)(?=\\s+(?:${MONTH})|\\s+${YEAR}))? ?(?<month>${MONTH})? ?(?<day>\\d{1,2})?,? ?(?<year>${YEAR}))` +
    "[\\)\\]]" +
    PARENTHETICAL +
    `|${pinCite("pin_cite__2")}` +
    ")",
);

/** Before a full cite that has no case name: a one-word antecedent and a pin cite (`Nobelman at 332, 113 S.Ct. 2106`). */
export const PRE_FULL_CITATION = new RegExp(`(?:(?<antecedent>[A-Z][a-z\\-.]+) ?,?${pinCite()}?,? ?)$`);

/** After a short form, Id. or supra: a pin cite and a parenthetical. */
export const POST_SHORT_CITATION = new RegExp(`^(?:${pinCite()}? ?${PARENTHETICAL})`);

const LAW_SUBSECTION = "(?:\\([0-9a-zA-Z]{1,4}\\))";
/** After a statute: subsections (`(a)(2) and (d)`, `et seq.`), `(Publisher month day, year)`, a parenthetical. */
export const POST_LAW_CITATION = new RegExp(
  "^(?:" +
    `(?<pin_cite>${LAW_SUBSECTION}*(?: and ${LAW_SUBSECTION}+)?(?: et seq\\.)?)? ?` +
    `(?:\\((?<publisher>[A-Z][a-z]+\\.?(?: Supp\\.)?)? ?(?:(?<month>${MONTH}) )?(?<day>\\d{1,2})?,? ?(?:(?<year>\\d{4})(?:-\\d{2})?)?\\))? ?` +
    PARENTHETICAL +
    ")",
);

/** After a journal article: pin cite, `(year)`, parenthetical. */
export const POST_JOURNAL_CITATION = new RegExp(`^(?:${pinCite()}? ?(?:\\((?:(?<year>\\d{4})(?:-\\d{2})?)\\))? ?${PARENTHETICAL})`);

const WORD = "[\\p{L}\\p{N}\\p{M}_\\-.]+";
/** Before supra: `Adarand, supra`, `Adarand, 515 supra`, `515 supra`. */
export const SUPRA_ANTECEDENT = new RegExp(
  `(?:(?:(?<antecedent>${WORD}) ?,? (?<volume>\\d+)|(?<volume__2>\\d+)|(?<antecedent__2>${WORD}) ?,?) )$`,
  "u",
);
