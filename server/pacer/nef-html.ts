import { findDocketNumber, NO_DOCKET_NUMBER_PARTS, type ParsedDocketNumber } from "./docket-number";
import { childElements, following, isElement, isText, type AnyNode, type Element, type HtmlPage, type Text } from "./dom";
import { cleanString } from "./strings";

/**
 * Reading the HTML layout of a Notice of Electronic Filing: one `<table>` per case with
 * "Case Name:", "Case Number:" and "Document Number:" rows, then "Docket Text:" in a `<p>`,
 * then the recipients after a bold "Notice has been electronically mailed to:".
 */

/** Every table that mentions "Case Name:", one per case in the notice. */
export function caseTables(page: HtmlPage): Element[] {
  return page.within(page.root, "table").filter((table) => page.textOf(table).includes("Case Name:"));
}

/** The cells right of the label cells ("Case Number:" → the cell holding the number). */
function valueCells(page: HtmlPage, scope: AnyNode, label: string): Element[] {
  const cells: Element[] = [];
  for (const td of page.within(scope, "td")) {
    if (!page.textOf(td).includes(`${label}:`)) continue;
    for (let next = td.next; next; next = next.next) {
      if (isElement(next) && next.name === "td") {
        if (!cells.includes(next)) cells.push(next);
        break;
      }
    }
  }
  return cells;
}

function directTexts(elements: Element[]): Text[] {
  return elements.flatMap((el) => el.children.filter(isText));
}

/** The case name as printed (the first text of its cell, or of a `<p>` in it). */
export function rawCaseName(page: HtmlPage, table: Element): string {
  const cells = valueCells(page, table, "Case Name");
  const direct = directTexts(cells)[0]?.data ?? "";
  if (direct) return direct;
  const inParagraph = directTexts(cells.flatMap((c) => childElements(c, "p")))[0]?.data ?? "";
  return inParagraph || "Unknown Case Title";
}

/** The texts of the "Case Number:" link (the raw numbers, `3:21-cv-00437-ECM-SRW`). */
export function caseNumberTexts(page: HtmlPage, table: Element): string[][] {
  const cells = valueCells(page, table, "Case Number");
  const linkTexts = (links: Element[]): string[] => links.flatMap((a) => page.textNodes(a).map((t) => t.data));
  return [
    linkTexts(cells.flatMap((c) => childElements(c, "a"))),
    linkTexts(cells.flatMap((c) => childElements(c, "p")).flatMap((p) => childElements(p, "a"))),
  ];
}

/** The docket number from the link texts, trying a link wrapped in `<p>` second. */
export function docketNumberOf(candidates: string[][], bankruptcy: boolean, seen: Set<string>): ParsedDocketNumber {
  let parsed: ParsedDocketNumber = { docketNumber: null, parts: { ...NO_DOCKET_NUMBER_PARTS } };
  for (const texts of candidates) {
    for (const t of texts) seen.add(t);
    parsed = findDocketNumber(texts, bankruptcy ? "bankruptcy" : "district", true);
    if (parsed.docketNumber) return parsed;
  }
  return parsed;
}

/** "460(No document attached)" → "460"; null for "No document attached". */
export function documentNumberOf(page: HtmlPage, table: Element): string | null | undefined {
  const cell = valueCells(page, table, "Document Number")[0];
  if (!cell) return undefined;
  const text = cleanString(page.textOf(cell));
  if (text === "No document attached" || text === "") return null;
  return text.split(/\(|\s/)[0]!;
}

/** The document link: in the "Document Number:" row, or "Document(s):" in appellate notices. */
export function documentLinkOf(page: HtmlPage, table: Element, appellate = false): string | null {
  const label = appellate ? "Document(s)" : "Document Number";
  const anchor = valueCells(page, table, label).flatMap((c) => page.within(c, "a"))[0];
  const href = anchor?.attr("href");
  return href === undefined ? null : href.trim();
}

/** Appellate notices: the case number is the text of the "Case Number:" link, as printed. */
export function appellateCaseNumber(page: HtmlPage, table: Element): string | null {
  const links = valueCells(page, table, "Case Number").flatMap((c) => childElements(c, "a"));
  return directTexts(links)[0]?.data ?? null;
}

export function caseLinkOf(page: HtmlPage, table: Element): string | null {
  const anchor = valueCells(page, table, "Case Number").flatMap((c) => page.within(c, "a"))[0];
  return anchor?.attr("href")?.trim() ?? null;
}

function isArialFont(el: AnyNode): el is Element {
  return isElement(el) && el.name === "font" && el.attr("face") === "arial,helvetica";
}

function textIn(page: HtmlPage, elements: Element[]): string {
  return elements.map((el) => page.textOf(el)).join("");
}

/**
 * The "Docket Text:" after a case table: the `<p>` holding the first following
 * `<strong>Docket Text:</strong>`, read through the layouts CM/ECF courts use, first match wins.
 */
export function docketTextAfter(page: HtmlPage, table: Element): string | null {
  let strong: Element | undefined;
  for (const node of following(table)) {
    if (isElement(node) && node.name === "strong" && page.textOf(node).includes("Docket Text:")) {
      strong = node;
      break;
    }
  }
  const p = strong?.parent;
  if (!isElement(p) || p.name !== "p") return null;

  const readers: Array<() => string | null> = [
    () => {
      const font = childElements(p, "font")[0];
      const bs = font ? childElements(font, "b") : [];
      return bs.length ? textIn(page, bs) : null;
    },
    () => {
      const b = childElements(p, "b")[0];
      const spans = b ? childElements(b, "span") : [];
      return spans.length ? textIn(page, spans) : null;
    },
    () => {
      const texts = p.children.filter(isText);
      return texts.length ? texts.map((t) => t.data).join("") : null;
    },
    () => {
      const fonts = childElements(p).filter(isArialFont);
      return fonts.length ? textIn(page, fonts) : null;
    },
    () => {
      const fonts: Element[] = [];
      for (const node of following(p)) if (isArialFont(node) && !fonts.some((f) => contains(f, node))) fonts.push(node);
      return fonts.length ? textIn(page, fonts) : null;
    },
  ];
  for (const read of readers) {
    const raw = read();
    if (raw === null) continue;
    const text = cleanString(raw);
    if (text) return text;
  }
  return null;
}

/**
 * Appellate notices: everything after "Docket Text:" up to "Notice will be electronically
 * mailed to:".
 */
export function appellateDocketTextAfter(page: HtmlPage, table: Element): string | null {
  let strong: Element | undefined;
  let text = "";
  for (const node of following(table)) {
    if (!strong) {
      if (isElement(node) && node.name === "strong" && page.textOf(node).includes("Docket Text:")) strong = node;
      continue;
    }
    if (!isText(node) || contains(strong, node)) continue;
    if (node.data === "Notice will be electronically mailed to:") break;
    text += node.data;
  }
  return strong ? cleanString(text) || null : null;
}

/** Appellate notices name the document in their footer: "Document Description: Order_Filed". */
export function appellateFooterDescription(page: HtmlPage): string {
  const label = page.find(page.root, "strong", (s) => (s.children.find(isText)?.data ?? "").includes("Document Description: "));
  for (let n = label?.next; n; n = n.next) if (isText(n)) return n.data;
  return "";
}

function contains(ancestor: Element, node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** More than one "Document description:" means the filing has attachments. */
export function hasAttachmentList(page: HtmlPage): boolean {
  return page.within(page.root, "strong").filter((s) => page.textOf(s).includes("Document description:")).length > 1;
}

/**
 * The recipients block as one string: the text after the bold "Notice has been electronically
 * mailed to:" (or, when e-mails are links, the whole paragraph holding it).
 */
export function recipientsText(page: HtmlPage, appellate = false): string {
  const labelled = (phrase: string, tag = "b"): Element[] => page.within(page.root, tag).filter((b) => page.textOf(b).includes(phrase));
  const siblingTexts = (labels: Element[]): string[] => {
    const seen = new Set<Text>();
    for (const label of labels) {
      for (let n = label.next; n; n = n.next) if (isText(n)) seen.add(n);
    }
    return [...seen].map((t) => t.data);
  };
  if (appellate) {
    let lines = siblingTexts(labelled("Notice will be electronically mailed to", "strong"));
    if (lines.length === 0) lines = siblingTexts(labelled("Notice will be electronically mailed to"));
    return lines.join(" ");
  }
  const mailed = labelled("Notice has been electronically mailed to");
  const hasLinks = mailed.some((label) => {
    for (let n = label.next; n; n = n.next) if (isElement(n) && n.name === "a") return true;
    return false;
  });
  const parent = mailed[0]?.parent;
  if (hasLinks && parent) return parent === page.root || isElement(parent) ? page.textOf(parent) : "";
  let lines = siblingTexts(mailed);
  if (lines.length === 0) lines = siblingTexts(labelled("Notice will be electronically mailed to"));
  return lines.join(" ");
}
