import type { Finding } from "../findings";

/*
 * Full dates of birth (FRCP 5.2(a)(2) lets only the year remain). A date is a birth date when
 * the text says so right beside it — "born", "DOB", "D.O.B.", "date of birth", "birth date" —
 * so a filing date, a hearing date or a signature date is left alone. ISO (1990-01-05),
 * numeric (01/05/1990, 1-5-90, 05.01.1990) and spelled-out (January 5, 1990; Jan. 5th 1990;
 * 5 January 1990; the 5th of January, 1990) forms are read.
 */

const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const ORDINAL = "(?:st|nd|rd|th)?";
const DATE = [
  // 1990-01-05, 1990/01/05
  "(?<isoYear>\\d{4})[-/.](?<isoMonth>\\d{1,2})[-/.](?<isoDay>\\d{1,2})",
  // 01/05/1990, 1-5-90, 05.01.1990 (month or day first: either way the day is protected)
  "(?<a>\\d{1,2})[-/.](?<b>\\d{1,2})[-/.](?<numYear>\\d{4}|\\d{2})",
  // January 5, 1990 · Jan. 5th 1990
  `${MONTH}\\s+(?<mdDay>\\d{1,2})${ORDINAL},?\\s+(?<mdYear>\\d{4})`,
  // 5 January 1990 · 5th of January, 1990
  `(?<dmDay>\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(?<dmYear>\\d{4})`,
].join("|");

const LABEL = "(?:\\bborn|\\bDOB|\\bD\\.O\\.B\\.?|\\bdate\\s+of\\s+birth|\\bbirth\\s*date|\\bbirthday)";
// What may stand between the label and the date: punctuation and a few small words.
const LINK = "(?<link>(?:\\s*[:#=(,\\-\\u2013]\\s*|\\s+(?:on|is|was|of|the)\\b\\s*|\\s+){1,4})";

const LABEL_FIRST = new RegExp(`${LABEL}${LINK}(?<date>${DATE})(?!\\d)`, "gi");
const DATE_FIRST = new RegExp(
  `(?<![\\w/.-])(?<date>${DATE})(?!\\d)\\s*(?:\\(\\s*(?:DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|born)\\s*\\)|,\\s*(?:DOB|date\\s+of\\s+birth)\\b)`,
  "gi",
);

type Groups = Record<string, string | undefined>;

/** The year and whether month and day are possible ones; a "date" like 45/67/1990 is not a date. */
function readDate(g: Groups): { year: string } | null {
  const plausible = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  if (g.isoYear) return plausible(Number(g.isoMonth), Number(g.isoDay)) ? { year: g.isoYear } : null;
  if (g.numYear) {
    const a = Number(g.a);
    const b = Number(g.b);
    return plausible(a, b) || plausible(b, a) ? { year: g.numYear } : null;
  }
  const day = Number(g.mdDay ?? g.dmDay);
  return day >= 1 && day <= 31 ? { year: (g.mdYear ?? g.dmYear)! } : null;
}

export function detectBirthDates(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(LABEL_FIRST)) {
    const g = m.groups as Groups;
    const date = readDate(g);
    if (!date) continue;
    const [dateStart, dateEnd] = [m.index + m[0].length - g.date!.length, m.index + m[0].length];
    // "born on January 5, 1990" reads "born in 1990" once the day is gone.
    const on = /\bon\s*$/i.exec(g.link!);
    if (on) findings.push({ kind: "birth-date", start: dateStart - on[0].length, end: dateEnd, replacement: `in ${date.year}` });
    else findings.push({ kind: "birth-date", start: dateStart, end: dateEnd, replacement: date.year });
  }
  for (const m of text.matchAll(DATE_FIRST)) {
    const g = m.groups as Groups;
    const date = readDate(g);
    if (date) findings.push({ kind: "birth-date", start: m.index, end: m.index + g.date!.length, replacement: date.year });
  }
  return findings;
}
