import { brSplit } from "./br-split";
import { DATE_CHARS, parsePacerDate } from "./dates";
import { following, isElement, isText, type Element, type HtmlPage } from "./dom";
import { normalizeJudgeName } from "./judges";
import { cleanString, harmonize, isBlank, PY_WS } from "./strings";
import type { IsoDate, Party } from "./types";

/**
 * The header of a docket report: the table around "Date Filed:", read as a list of text lines
 * (one per `<br>`-separated line of each cell, plus all of them joined), and the label patterns
 * juriscraper searches those lines with.
 */

const S = `[${PY_WS}]`;
const DATE = DATE_CHARS;

export const HEADER_PATTERNS = {
  dateFiled: new RegExp(`Date [fF]iled:${S}+(${DATE})`),
  dateTerminated: new RegExp(`[tT]erminated:${S}+(${DATE})`, "i"),
  dateConverted: new RegExp(`Date [Cc]onverted:${S}+(${DATE})`),
  // "Debtor discharged:" but not "Joint debtor discharged:".
  dateDischarged: new RegExp(`(?:Date|Debtor)${S}+[Dd]ischarged:${S}+(${DATE})`),
  assignedTo: new RegExp(`Assigned to:${S}+(.*)`, "is"),
  referredTo: new RegExp(`Referred to:${S}+(.*)`, "is"),
  cause: new RegExp(`Cause:${S}+(.*)`),
  natureOfSuit: new RegExp(`Nature of Suit:${S}+(.*)`),
  juryDemand: new RegExp(`Jury Demand:${S}+(.*)`),
  jurisdiction: new RegExp(`Jurisdiction:${S}+(.*)`),
  mdlStatus: new RegExp(`MDL Status:${S}+(.*)`),
  demand: new RegExp(`^Demand:${S}+(.*)`),
};

const CASE_NAME_PATTERNS = [
  new RegExp(`(?:Case${S}+title:${S}+)?(.*\\bvs?\\.?${S}.*)`),
  new RegExp(`(?:Case${S}+title:${S}+)?(.*\\bvs?\\.?${S}.*)`, "i"),
  new RegExp(`(?:Case${S}+title:${S}+)(.*)`, "i"),
  new RegExp(`(\\bIN${S}+RE:?${S}+.*)`, "i"),
  new RegExp(`(\\bIn${S}+the${S}+matter${S}+.*)`, "i"),
];

/**
 * The first capture of `pattern` in the first of `values` it matches. A non-date hit that
 * contains "date filed" is skipped: it came from the all-cells line and ran past its label.
 */
export function findValue(pattern: RegExp, values: readonly string[]): string {
  for (const v of values) {
    const m = pattern.exec(v);
    if (m && !m[1]!.toLowerCase().includes("date filed")) return m[1]!;
  }
  return "";
}

export function findDate(pattern: RegExp, values: readonly string[]): IsoDate | null {
  for (const v of values) {
    const m = pattern.exec(v);
    if (m) return parsePacerDate(m[1]!);
  }
  return null;
}

const DATE_FILED_LABEL = /Date Filed:/;

function mentionsDateFiled(text: string): boolean {
  return DATE_FILED_LABEL.test(text.replaceAll("f", "F")) || text.replaceAll("d", "D").includes("Filed Date:");
}

/**
 * The header table: the outermost table (without a `<center>` inside) around the first cell
 * that mentions "Date Filed:". Undefined when the page has no such cell: not a docket report.
 */
export function findHeaderTable(page: HtmlPage): Element | undefined {
  for (const node of page.texts) {
    if (!mentionsDateFiled(node.data)) continue;
    let cell: Element | undefined;
    let outermost: Element | undefined;
    for (let el = node.parent; isElement(el); el = el.parent) {
      if (!cell) {
        if (el.name === "td") cell = el;
      } else if (el.name === "table" && !page.find(el, "center")) {
        outermost = el;
      }
    }
    if (outermost) return outermost;
  }
  return undefined;
}

/** Every line of every cell of the header table, cleaned, then all of them joined. */
export function headerValues(page: HtmlPage, table: Element): string[] {
  const values: string[] = [];
  for (const cell of page.within(table, "td")) {
    for (const line of brSplit(cell)) values.push(cleanString(line));
  }
  values.push(values.join(" "));
  return values;
}

/** Docket number candidates: the `<h3>` headings (district) or `<center>` fonts (bankruptcy). */
export function docketNumberCandidates(page: HtmlPage, bankruptcy: boolean): string[] {
  if (!bankruptcy) return page.within(page.root, "h3").map((h3) => page.textOf(h3));
  const fonts = new Set<Element>();
  for (const center of page.within(page.root, "center")) for (const font of page.within(center, "font")) fonts.add(font);
  return [...fonts].map((font) => page.textOf(font));
}

/** The assigned or referred judge, from the header or, failing that, anywhere on the page. */
export function findJudge(pattern: RegExp, values: readonly string[], page: HtmlPage): string {
  const fromHeader = findValue(pattern, values);
  if (fromHeader) return normalizeJudgeName(fromHeader);
  // Text node by text node only when the page's text has the label at all (usually it has not).
  if (!pattern.test(page.textOf(page.root))) return normalizeJudgeName("");
  const pageTexts = page.texts.map((node) => node.data).filter((text) => !isBlank(text));
  return normalizeJudgeName(findValue(pattern, pageTexts));
}

export function isAdversaryProceeding(page: HtmlPage): boolean {
  return page.hasTextNodeWith(page.root, "Adversary Proceeding");
}

/** The case title: from the header (district) or the debtor's name (bankruptcy). */
export function findCaseName(page: HtmlPage, values: readonly string[], parties: Party[], bankruptcy: boolean): string {
  let caseName: string | undefined;
  if (bankruptcy) {
    const debtor = parties.find((p) => p.type === "Debtor" || p.type === "Debtor In Possession");
    // The debtor's name is used as written (the metadata clean-up still collapses its spaces).
    if (debtor?.name !== undefined) return debtor.name;
    caseName = leadBankruptcyTitle(page) ?? "Unknown Case Title";
    if (isAdversaryProceeding(page)) caseName += " - Adversary Proceeding";
  } else {
    const first = values[0] ?? "";
    for (const pattern of CASE_NAME_PATTERNS) {
      const m = pattern.exec(first);
      if (m) {
        caseName = m[1]!;
        break;
      }
    }
    if (caseName === undefined) {
      const plaintiff = parties.find((p) => p.type === "Plaintiff")?.name;
      const defendant = parties.find((p) => p.type === "Defendant")?.name;
      if (plaintiff && defendant) caseName = `${plaintiff} v. ${defendant}`;
    }
    caseName ??= "Unknown Case Title";
  }
  return cleanString(harmonize(caseName));
}

/** A sub-docket's "Lead BK Title:" — the first text after that label. */
function leadBankruptcyTitle(page: HtmlPage): string | undefined {
  const label = page.find(page.root, "i", (el) => page.textOf(el).includes("Lead BK Title"));
  if (!label) return undefined;
  for (const node of following(label)) {
    if (isText(node)) return node.data.trim();
  }
  return undefined;
}

/** `//form[@name='view_multi_docs']`: the report was run with "View multiple documents". */
export function isMultiDocumentReport(page: HtmlPage): boolean {
  return page.find(page.root, "form", (form) => form.attr("name") === "view_multi_docs") !== undefined;
}

/** A blank or extension-emptied page has no table row with anything in it. */
export function hasTableContent(page: HtmlPage): boolean {
  return page.within(page.root, "tr").some((row) => row.children.some((child) => isElement(child) || child.type === "comment"));
}
