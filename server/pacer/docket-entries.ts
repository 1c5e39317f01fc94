import { brSplit } from "./br-split";
import { attachmentsOf, mergeDocumentsRow } from "./docket-attachments";
import { DATE_CHARS, findPacerDate, parsePacerDate } from "./dates";
import { childElements, type AnyNode, type Element, type HtmlPage, type ParentNode } from "./dom";
import { docIdFromDoc1Url, seqNoFromGoDls } from "./pacer-ids";
import { cleanCourtString, isDigits, pySplit, pyStrip, PY_WS } from "./strings";
import type { DocketEntry } from "./types";

/**
 * The docket entry table: the table whose header row reads "Docket Text", and any tables that
 * follow it as siblings (long dockets can be split). Columns are date, number (a doc1 link) and
 * text; "View multiple documents" reports add a checkbox column and, after an entry, a row
 * holding a small table of its documents.
 */

/** All rows of the entry tables, the column-header row first. */
export function entryTableRows(page: HtmlPage): Element[] {
  const entryTables = new Set<Element>();
  // Parents with a "Docket Text" table among the children seen so far: its later sibling
  // tables qualify too. (Tables come in document order, so a table's earlier siblings have
  // been seen; asking each table about all its earlier siblings was quadratic.)
  const docketTextParents = new Set<ParentNode>();
  for (const table of page.within(page.root, "table")) {
    const parent = table.parent;
    const hasDocketText = page.hasTextNodeWith(table, "Docket Text");
    const candidate = hasDocketText || (parent !== null && docketTextParents.has(parent));
    if (hasDocketText && parent !== null) docketTextParents.add(parent);
    if (!candidate) continue;
    // Nested tables of a multi-document row, and PACER's own footers, are not entry tables.
    if (page.hasTextNodeWith(table, "Total file size of selected documents")) continue;
    if (page.hasTextNodeWith(table, "Footer format:")) continue;
    entryTables.add(table);
  }
  const rows: Element[] = [];
  for (const table of entryTables) {
    for (const body of childElements(table, "tbody")) rows.push(...childElements(body, "tr"));
  }
  // Tables can nest; keep document order across them.
  if (entryTables.size > 1) {
    const order = new Map(page.within(page.root, "tr").map((tr, i) => [tr, i]));
    rows.sort((a, b) => order.get(a)! - order.get(b)!);
  }
  return rows;
}

/** The row's `td` (and, for the header row, `th`) cells, except those holding a checkbox. */
function cellsWithoutInput(row: Element, withHeaders = false): Element[] {
  const cells: Element[] = [];
  for (const c of row.children) {
    if (c.type !== "tag" || !(c.name === "td" || (withHeaders && c.name === "th"))) continue;
    if (!c.children.some(isInput)) cells.push(c);
  }
  return cells;
}

function isInput(node: AnyNode): boolean {
  return node.type === "tag" && node.name === "input";
}

/** "date_entered" when the first column is "Date Entered"; null when there is no entry table. */
export function entryOrder(page: HtmlPage, rows: Element[]): "date_filed" | "date_entered" | null {
  const header = rows[0];
  if (!header) return null;
  const first = cellsWithoutInput(header, true)[0];
  if (!first) return null;
  const label = page.textOf(first);
  return label === "Date Entered" || label === "Docket Date" ? "date_entered" : "date_filed";
}

const ENTERED = new RegExp(`Entered:[${PY_WS}]+(${DATE_CHARS})`);
const WS_OR_NBSP = new RegExp(`[${PY_WS}]`, "g");

function documentNumber(cell: Element, courtId: string): string | null {
  // The first word of the cell's first line that has one.
  let word: string | undefined;
  for (const line of brSplit(cell)) if ((word = pySplit(line)[0]) !== undefined) break;
  if (word === undefined) return null;
  const first = word.replace(WS_OR_NBSP, "");
  // txnb merges the number and text columns: only a leading number is a document number.
  if (courtId === "txnb") return isDigits(first) ? first : null;
  return first;
}

function docIdAndSeqNo(page: HtmlPage, cell: Element, number: string | null): [string | null, string | null] {
  if (!number) return [null, null];
  for (const anchor of page.within(cell, "a")) {
    if (pyStrip(page.textOf(anchor)) !== number) continue;
    const href = anchor.attr("href");
    if (href === undefined) return [null, null];
    return [docIdFromDoc1Url(href.trim()), seqNoFromGoDls(anchor.attr("onclick"))];
  }
  return [null, null];
}

/** The row's `arr_de_seq_nums` checkbox value, when its id agrees with it. */
function checkboxSeqNo(page: HtmlPage, row: Element): string | null {
  const input = page.find(row, "input", (el) => el.attr("name") === "arr_de_seq_nums");
  if (!input) return null;
  const value = input.attr("value") ?? null;
  const id = input.attr("id");
  if (id !== undefined && id.replace(/^arr_de_seq_nums_/, "") !== value) return null;
  return value;
}

const TXNB_DESCRIPTIONS = [
  /^[\s\u00a0]*\d+[\s\u00a0]+\(\d+[\s\u00a0]+pgs;[\s\u00a0]\d+[\s\u00a0]docs\)[\s\u00a0]+(.*)/,
  /^[\s\u00a0]*\d+[\s\u00a0]+\(\d+[\s\u00a0]+pgs\)[\s\u00a0]+(.*)/,
  /^[\s\u00a0]*\d+[\s\u00a0]+(.*)/,
  /^[\s\u00a0]*(.*)/,
];

function description(page: HtmlPage, cells: Element[], courtId: string): string {
  if (courtId !== "txnb") return cells[2] ? page.textOf(cells[2]) : "";
  const s = page.textOf(cells[1]!);
  for (const pattern of TXNB_DESCRIPTIONS) {
    const m = pattern.exec(s);
    if (m) return m[1]!;
  }
  return s;
}

export function parseEntries(
  page: HtmlPage,
  rows: Element[],
  courtId: string,
  bankruptcy: boolean,
  multiDocuments: boolean,
): DocketEntry[] {
  const entries: DocketEntry[] = [];
  for (const row of rows.slice(1)) {
    const cells = cellsWithoutInput(row);
    if (multiDocuments && cells.length === 4 && pyStrip(page.textOf(cells[2]!)) === "") {
      cells.splice(2, 1); // the empty checkbox cell of an entry without documents
    }
    if (multiDocuments && cells.length === 5) cells.splice(3, 1); // bankruptcy layout
    if (cells.length === 0) continue;
    if (cells.length === 4) cells.splice(1, 1); // an extra column some courts add

    const dateText = page.textOf(cells[0]!);
    if (pyStrip(dateText) === "") {
      // The documents row of the entry above, or an old docket's stray row.
      const last = entries[entries.length - 1];
      if (multiDocuments && cells.length >= 3 && last) {
        mergeDocumentsRow(last, attachmentsOf(page, cells[2]!, courtId, bankruptcy, last.pacer_doc_id));
      }
      continue;
    }
    const dateFiled = findPacerDate(dateText);
    if (dateFiled === null || cells.length < 2) continue;
    const number = documentNumber(cells[1]!, courtId);
    const [docId, seqFromLink] = docIdAndSeqNo(page, cells[1]!, number);
    const text = description(page, cells, courtId);
    const enteredMatch = ENTERED.exec(text);
    if (number !== null && !isDigits(number)) continue; // "doc" and other non-numbers
    entries.push({
      date_filed: dateFiled,
      document_number: number,
      pacer_doc_id: docId,
      pacer_seq_no: seqFromLink ?? checkboxSeqNo(page, row),
      description: cleanCourtString(text),
      date_entered: enteredMatch ? parsePacerDate(enteredMatch[1]!) : null,
    });
  }
  if (multiDocuments) for (const entry of entries) cleanDocuments(entry);
  return entries;
}

/** The clean-up the entry's own fields had, for what a documents row added to it. */
function cleanDocuments(entry: DocketEntry): void {
  if (entry.file_size_str !== undefined) entry.file_size_str = cleanCourtString(entry.file_size_str);
  for (const attachment of entry.attachments ?? []) {
    attachment.description = cleanCourtString(attachment.description);
    attachment.file_size_str = cleanCourtString(attachment.file_size_str);
  }
}
