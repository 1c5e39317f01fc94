import { addCriminalData } from "./docket-criminal";
import { entryOrder, entryTableRows, parseEntries } from "./docket-entries";
import {
  docketNumberCandidates,
  findCaseName,
  findDate,
  findHeaderTable,
  findJudge,
  findValue,
  hasTableContent,
  HEADER_PATTERNS as P,
  headerValues,
  isAdversaryProceeding,
  isMultiDocumentReport,
} from "./docket-metadata";
import { findDocketNumber, isBankruptcyCourt } from "./docket-number";
import { parseParties, partyRows } from "./docket-parties";
import { childElements, isText, parseHtml, type HtmlPage } from "./dom";
import { assertParsableText } from "./errors";
import { cleanCourtString, pyStrip } from "./strings";
import type { DocketMetadata, DocketReport, NotUsable } from "./types";
import { cleanHtml, DOCKET_REJECTIONS, findRejection } from "./validity";

/**
 * A district or bankruptcy court docket report (CM/ECF `DktRpt.pl`), parsed as juriscraper's
 * `DocketReport` does. Returns `{}` for pages that are not a usable docket (PACER error and
 * confirmation pages, pages altered by browser extensions, pages without a docket header).
 * Throws `PacerInputError` for input too large or not text.
 */
export function parseDocketReport(html: string, courtId: string): DocketReport | NotUsable {
  assertParsableText(html, "the docket report");
  return readDocketReport(html, courtId).result;
}

export type DocketReading = { result: DocketReport | NotUsable; reason: string | null };

const CLOSING_TAG_AT = /<\/(?:body|html)\s*>/iy;

/** `</body>` or `</html>` anywhere, looked for from the end (where it is), one `</` at a time. */
function hasClosingTag(text: string): boolean {
  for (let at = text.lastIndexOf("</"); at !== -1; at = at === 0 ? -1 : text.lastIndexOf("</", at - 1)) {
    CLOSING_TAG_AT.lastIndex = at;
    if (CLOSING_TAG_AT.test(text)) return true;
  }
  return false;
}

/**
 * Whether the page stops before its end. A complete report closes its body, or at least reaches
 * PACER's transaction receipt, which CM/ECF prints after the last entry: pages saved by tools
 * that drop the closing tags are still whole, and the reference reads them like any other.
 */
function looksTruncated(text: string): boolean {
  return !hasClosingTag(text) && !text.includes("Transaction Receipt");
}

/** The parse and, when the answer is `{}`, why (for the CLI and the importer). */
export function readDocketReport(html: string, courtId: string): DocketReading {
  const text = cleanHtml(html);
  const rejection = findRejection(text, DOCKET_REJECTIONS);
  if (rejection) return { result: {}, reason: rejection };
  // A cut-off download would otherwise yield a docket with its last entries silently missing.
  if (looksTruncated(text)) return { result: {}, reason: "the page is truncated (it has no closing </body> or </html>)" };
  const page = parseHtml(text);
  if (!hasTableContent(page)) {
    return { result: {}, reason: "the page has no table content (an empty page, or one emptied by a browser extension)" };
  }
  const headerTable = findHeaderTable(page);
  if (!headerTable) return { result: {}, reason: 'the page has no docket header (no "Date Filed:")' };

  const bankruptcy = isBankruptcyCourt(courtId);
  const adversary = isAdversaryProceeding(page);
  const values = headerValues(page, headerTable);
  const rows = partyRows(page);
  const parties = parseParties(page, rows, bankruptcy, adversary);
  if (!bankruptcy) addCriminalData(page, parties, rows);
  const entryRows = entryTableRows(page);

  const metadata = readMetadata(page, courtId, values, parties, bankruptcy, adversary, entryOrder(page, entryRows));
  const entries = parseEntries(page, entryRows, courtId, bankruptcy, isMultiDocumentReport(page));
  return { result: { ...metadata, parties, docket_entries: entries }, reason: null };
}

function readMetadata(
  page: HtmlPage,
  courtId: string,
  values: string[],
  parties: DocketReport["parties"],
  bankruptcy: boolean,
  adversary: boolean,
  orderedBy: DocketMetadata["ordered_by"],
): DocketMetadata {
  const { docketNumber, parts } = findDocketNumber(docketNumberCandidates(page, bankruptcy), bankruptcy ? "bankruptcy" : "district", true);
  return {
    court_id: courtId,
    docket_number: docketNumber === null ? null : cleanCourtString(docketNumber),
    case_name: cleanCourtString(findCaseName(page, values, parties, bankruptcy)),
    date_filed: findDate(P.dateFiled, values),
    date_terminated: findDate(P.dateTerminated, values),
    date_converted: findDate(P.dateConverted, values),
    date_discharged: findDate(P.dateDischarged, values),
    assigned_to_str: cleanCourtString(findJudge(P.assignedTo, values, page)),
    referred_to_str: cleanCourtString(findJudge(P.referredTo, values, page)),
    cause: cleanCourtString(findValue(P.cause, values)),
    nature_of_suit: cleanCourtString(adversary ? adversaryNatureOfSuit(page) : findValue(P.natureOfSuit, values)),
    jury_demand: cleanCourtString(findValue(P.juryDemand, values)),
    demand: cleanCourtString(findValue(P.demand, values)),
    jurisdiction: cleanCourtString(findValue(P.jurisdiction, values)),
    mdl_status: cleanCourtString(findValue(P.mdlStatus, values)),
    ordered_by: orderedBy,
    ...parts,
  };
}

/**
 * Adversary proceedings: the reference reads the nature of suit from a table whose text
 * contains the literal "Nature[s] of" (an XPath `contains`, not a pattern), joining the cells
 * after the first two of each row. Kept literal so that such a page reads the same way.
 */
function adversaryNatureOfSuit(page: HtmlPage): string {
  const natures: string[] = [];
  for (const table of page.within(page.root, "table")) {
    if (!page.textOf(table).includes("Nature[s] of")) continue;
    for (const row of page.within(table, "tr")) {
      const texts = childElements(row, "td")
        .slice(2)
        .flatMap((cell) => cell.children.filter(isText).map((t) => pyStrip(t.data)))
        .filter((s) => s !== "");
      if (texts.length > 1) natures.push(texts.join(" "));
    }
  }
  return natures.join("; ");
}
