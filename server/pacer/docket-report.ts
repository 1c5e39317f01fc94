import type { Document } from "domhandler";
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
import { childElements, descendants, isText, parseHtml, textOf } from "./dom";
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

/** The parse and, when the answer is `{}`, why (for the CLI and the importer). */
export function readDocketReport(html: string, courtId: string): DocketReading {
  const text = cleanHtml(html);
  const rejection = findRejection(text, DOCKET_REJECTIONS);
  if (rejection) return { result: {}, reason: rejection };
  const root = parseHtml(text);
  if (!hasTableContent(root)) {
    return { result: {}, reason: "the page has no table content (an empty page, or one emptied by a browser extension)" };
  }
  const headerTable = findHeaderTable(root);
  if (!headerTable) return { result: {}, reason: "the page has no docket header (no \"Date Filed:\")" };

  const bankruptcy = isBankruptcyCourt(courtId);
  const adversary = isAdversaryProceeding(root);
  const values = headerValues(headerTable);
  const rows = partyRows(root);
  const parties = parseParties(rows, bankruptcy, adversary);
  if (!bankruptcy) addCriminalData(parties, rows);
  const entryRows = entryTableRows(root);

  const metadata = readMetadata(root, courtId, values, parties, bankruptcy, adversary);
  metadata.ordered_by = entryOrder(entryRows);
  const entries = parseEntries(entryRows, courtId, bankruptcy, isMultiDocumentReport(root));
  return { result: { ...metadata, parties, docket_entries: entries }, reason: null };
}

function readMetadata(
  root: Document,
  courtId: string,
  values: string[],
  parties: DocketReport["parties"],
  bankruptcy: boolean,
  adversary: boolean,
): DocketMetadata {
  const { docketNumber, parts } = findDocketNumber(
    docketNumberCandidates(root, bankruptcy),
    bankruptcy ? "bankruptcy" : "district",
    true,
  );
  const clean = (s: string): string => cleanCourtString(s);
  return {
    court_id: courtId,
    docket_number: docketNumber === null ? null : clean(docketNumber),
    case_name: clean(findCaseName(root, values, parties, bankruptcy)),
    date_filed: findDate(P.dateFiled, values),
    date_terminated: findDate(P.dateTerminated, values),
    date_converted: findDate(P.dateConverted, values),
    date_discharged: findDate(P.dateDischarged, values),
    assigned_to_str: clean(findJudge(P.assignedTo, values, root)),
    referred_to_str: clean(findJudge(P.referredTo, values, root)),
    cause: clean(findValue(P.cause, values)),
    nature_of_suit: clean(adversary ? adversaryNatureOfSuit(root) : findValue(P.natureOfSuit, values)),
    jury_demand: clean(findValue(P.juryDemand, values)),
    demand: clean(findValue(P.demand, values)),
    jurisdiction: clean(findValue(P.jurisdiction, values)),
    mdl_status: clean(findValue(P.mdlStatus, values)),
    ordered_by: null,
    ...parts,
  };
}

/**
 * Adversary proceedings: the reference reads the nature of suit from a table whose text
 * contains the literal "Nature[s] of" (an XPath `contains`, not a pattern), joining the cells
 * after the first two of each row. Kept literal so that such a page reads the same way.
 */
function adversaryNatureOfSuit(root: Document): string {
  const natures: string[] = [];
  for (const table of descendants(root, "table")) {
    if (!textOf(table).includes("Nature[s] of")) continue;
    for (const row of descendants(table, "tr")) {
      const texts = childElements(row, "td")
        .slice(2)
        .flatMap((cell) => cell.children.filter(isText).map((t) => pyStrip(t.data)))
        .filter((s) => s !== "");
      if (texts.length > 1) natures.push(texts.join(" "));
    }
  }
  return natures.join("; ");
}
