import { docIdPrefix } from "./court-prefixes";
import { childElements, isText, type Element, type HtmlPage } from "./dom";
import { pySplit, pyStrip } from "./strings";
import type { DocketAttachment, DocketEntry } from "./types";

/**
 * "View multiple documents" reports: after an entry, a row whose last cell holds a small table
 * of the entry's documents (row 0 the main document, then the attachments), each with an
 * `<input value="<doc id suffix>-<bytes>-<pages>">`, a page count and a size. The main
 * document's sizes go on the entry; the others become its attachments.
 */

/** `value="23513539-254755-2"`: doc id suffix, bytes, pages. */
function inputParts(page: HtmlPage, row: Element): string[] | null {
  const input = page.find(row, "input");
  if (!input) return null;
  const parts = (input.attr("value") ?? "").split("-");
  return parts.length === 3 ? parts : null;
}

function downloadInput(page: HtmlPage, row: Element): Element | undefined {
  return page.find(row, "input", (el) => el.attr("name") === "download_documents");
}

function downloadInputIdParts(page: HtmlPage, row: Element): string[] | null {
  const input = downloadInput(page, row);
  if (!input) return null;
  const parts = (input.attr("id") ?? "").replace(/^arr_de_seq_nums_/, "").split("_");
  return parts.length === 2 ? parts : null;
}

function pageCount(page: HtmlPage, row: Element): number | null {
  const fromInput = inputParts(page, row)?.[2];
  if (fromInput !== undefined) {
    const n = Number.parseInt(fromInput, 10);
    if (n) return n;
  }
  for (const cell of childElements(row, "td")) {
    if (!page.textOf(cell).includes("page")) continue;
    for (const child of cell.children) {
      if (!isText(child)) continue;
      const first = pySplit(child.data)[0];
      if (first !== undefined && /^[+-]?\d+$/.test(first)) return Number(first);
    }
  }
  return null;
}

function fileSizeBytes(page: HtmlPage, row: Element): number | null {
  const raw = downloadInput(page, row) ? downloadInputIdParts(page, row)?.[1] : inputParts(page, row)?.[1];
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n === 0 ? null : n;
}

function fileSizeStr(page: HtmlPage, row: Element): string {
  const cells = childElements(row, "td");
  const last = cells[cells.length - 1];
  if (!last) return "";
  const text = page.textOf(last);
  const lower = text.toLowerCase();
  return lower.includes("kb") || lower.includes("mb") ? pyStrip(text) : "";
}

function attachmentDocId(page: HtmlPage, row: Element, courtId: string, mainDocId: string | null): string | null {
  const download = downloadInput(page, row);
  const suffix = download ? download.attr("value") : inputParts(page, row)?.[0];
  if (suffix === undefined) return null;
  const prefix = docIdPrefix(courtId) ?? mainDocId?.slice(0, 3);
  return prefix === undefined ? null : `${prefix}0${suffix}`;
}

function attachmentSeqNo(page: HtmlPage, row: Element): string | null {
  const name = page.find(row, "input")?.attr("name");
  if (name === undefined) return null;
  if (name === "download_documents") return downloadInputIdParts(page, row)?.[0] ?? null;
  return name.split("_")[2] ?? null;
}

function attachmentDescription(page: HtmlPage, row: Element, bankruptcy: boolean): string {
  const cells = childElements(row, "td");
  const index = bankruptcy ? 2 : cells.length === 5 ? 2 : 1;
  const cell = cells[index];
  const first = cell ? page.textNodes(cell)[0] : undefined;
  return first ? pyStrip(first.data) : "";
}

function attachmentNumber(page: HtmlPage, row: Element): number | null {
  for (const cell of page.within(row, "td")) {
    const first = cell.children.find(isText);
    if (first) {
      const n = pyStrip(first.data);
      return /^[+-]?\d+$/.test(n) ? Number(n) : null;
    }
  }
  return null;
}

export function attachmentsOf(
  page: HtmlPage,
  cell: Element,
  courtId: string,
  bankruptcy: boolean,
  mainDocId: string | null,
): DocketAttachment[] {
  const rows = childElements(cell, "table").flatMap((table) => page.within(table, "tr"));
  return rows.map((row) => {
    const attachment: DocketAttachment = {
      attachment_number: attachmentNumber(page, row) ?? 0,
      description: attachmentDescription(page, row, bankruptcy),
      page_count: pageCount(page, row),
      file_size_str: fileSizeStr(page, row),
      pacer_doc_id: attachmentDocId(page, row, courtId, mainDocId),
      pacer_seq_no: attachmentSeqNo(page, row),
    };
    const bytes = fileSizeBytes(page, row);
    if (bytes !== null) attachment.file_size_bytes = bytes;
    return attachment;
  });
}

/** Folds a documents row into the entry above it: main document sizes, then attachments. */
export function mergeDocumentsRow(entry: DocketEntry, attachments: DocketAttachment[]): void {
  let dropFirst = false;
  attachments.forEach((attachment, index) => {
    if (attachment.pacer_doc_id !== entry.pacer_doc_id || attachment.pacer_seq_no !== entry.pacer_seq_no) return;
    entry.file_size_bytes = attachment.file_size_bytes ?? null;
    entry.file_size_str = attachment.file_size_str;
    entry.page_count = attachment.page_count;
    if (index === 0 && attachment.attachment_number === 0) dropFirst = true;
  });
  const rest = dropFirst ? attachments.slice(1) : attachments;
  if (rest.length > 0) entry.attachments = rest;
}
