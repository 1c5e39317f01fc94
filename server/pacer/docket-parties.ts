import { findDate, HEADER_PATTERNS } from "./docket-metadata";
import { isElement, isText, type AnyNode, type Element, type HtmlPage, type Text } from "./dom";
import { normalizePartyType } from "./party-types";
import { collapseWhitespace, pySplit, pyStrip } from "./strings";
import type { Attorney, Party } from "./types";

/**
 * The parties and counsel table. Party-type rows are bold+underlined ("Plaintiff"), party names
 * bold, counsel in the third cell separated by `<br>`; bankruptcy dockets put the type in
 * `<i><b>`, adversary proceedings use "-----" rules. Criminal dockets interleave count and
 * complaint sections, which `docket-criminal.ts` reads in a second pass over the same rows.
 */

function startsPartyTable(page: HtmlPage, row: Element): boolean {
  const first = firstChildElement(row, "td");
  if (!first) return false;
  return page.find(first, "b", isPartyHeadingBold) !== undefined || page.find(first, "u", isUnderlinedBoldText) !== undefined;
}

function hasTextChild(el: Element): boolean {
  for (const child of el.children) if (child.type === "text") return true;
  return false;
}

/** `<i><b>Debtor</b></i>` (bankruptcy) or a bold "-----" rule (adversary proceedings). */
function isPartyHeadingBold(b: Element): boolean {
  const parent = b.parent;
  if (isElement(parent) && parent.name === "i" && hasTextChild(b)) return true;
  for (const child of b.children) if (child.type === "text" && child.data.includes("-----")) return true;
  return false;
}

/** `<b><u>Plaintiff</u></b>`. */
function isUnderlinedBoldText(u: Element): boolean {
  return isElement(u.parent) && u.parent.name === "b" && hasTextChild(u);
}

function firstChildElement(node: Element, name: string): Element | undefined {
  for (const child of node.children) if (child.type === "tag" && child.name === name) return child;
  return undefined;
}

/** A row of the party tables, with what both passes over them (parties, criminal data) read. */
export type PartyRow = {
  row: Element;
  /** Its `td`s, nested ones included. */
  cells: Element[];
  /** Its text, stripped and lower-cased. */
  text: string;
};

/** Every row of every table body that holds a party-type row, in document order. */
export function partyRows(page: HtmlPage): PartyRow[] {
  const rows = page.within(page.root, "tr");
  const containers = new Set<AnyNode>();
  for (const row of rows) if (row.parent && startsPartyTable(page, row)) containers.add(row.parent);
  const partyRows: PartyRow[] = [];
  for (const row of rows) {
    if (row.parent === null || !containers.has(row.parent)) continue;
    partyRows.push({ row, cells: page.within(row, "td"), text: pyStrip(page.textOf(row)).toLowerCase() });
  }
  return partyRows;
}

export function hasBold(page: HtmlPage, node: AnyNode): boolean {
  return page.find(node, "b") !== undefined;
}

/** A party-type heading: bold and underlined. */
export function hasBoldUnderline(page: HtmlPage, node: AnyNode): boolean {
  return page.hasPair(node, "b", "u");
}

function isSkippedRow(page: HtmlPage, row: Element, text: string, cells: Element[], next: Element | undefined): boolean {
  if (cells.length === 0) return true;
  if (text === "" || text === "v.") return true;
  if (hasBoldUnderline(page, cells[0]!)) {
    // A heading not followed by a bold name heads count/offense data, not a party.
    if (!next || !hasBold(page, next)) return true;
    if (cells.length === 3 && page.textOf(cells[2]!) === "Disposition") return true;
    return false;
  }
  return !hasBold(page, row);
}

type PartyDraft = Partial<Party>;

/** Headings normalised so far on this page: the same few come back for party after party. */
type TypeNames = Map<string, string>;

function partyTypeName(typeNames: TypeNames, heading: string): string {
  let name = typeNames.get(heading);
  if (name === undefined) typeNames.set(heading, (name = normalizePartyType(heading)));
  return name;
}

/** The party type a row announces, and whether the row is only that heading. */
function partyTypeOf(
  page: HtmlPage,
  text: string,
  cells: Element[],
  party: PartyDraft,
  bankruptcy: boolean,
  typeNames: TypeNames,
): [PartyDraft, boolean] {
  if (cells.length === 1 && hasBoldUnderline(page, cells[0]!)) {
    return [{ type: partyTypeName(typeNames, page.textOf(cells[0]!)) }, true];
  }
  if (text.includes("------")) {
    const s = pyStrip(page.textOf(cells[0]!));
    if (cells.length === 1) return [{ type: partyTypeName(typeNames, s.replace(/----*/g, "")) }, true];
    if (cells.length === 3) return [{ type: s.split(/----*/)[0]! }, false];
    return [party, false];
  }
  if (bankruptcy && cells.length === 3 && page.hasPair(cells[0]!, "i", "b")) {
    const italic = page.within(cells[0]!, "i")[0]!;
    return [{ type: partyTypeName(typeNames, page.textOf(italic)) }, false];
  }
  if (cells.length === 3 && text.includes("service list")) return [{ type: "Service List" }, false];
  return [party, false];
}

function partyNameElement(page: HtmlPage, cell: Element): Element | undefined {
  for (const b of page.within(cell, "b")) {
    if (isElement(b.parent) && b.parent.name === "i") continue;
    if (firstChildElement(b, "u") !== undefined) continue;
    if (!page.textOf(b).includes("------")) return b;
  }
  return undefined;
}

/** Text of the name cell outside the bold name, one stripped text node per line. */
function extraInfo(page: HtmlPage, cell: Element): string {
  return page
    .textNodes(cell)
    .filter((node) => !(isElement(node.parent) && node.parent.name === "b"))
    .map((node) => pyStrip(node.data))
    .filter((s) => s !== "")
    .join("\n");
}

/** The attorneys of a counsel cell: each bold name followed by its contact lines and roles. */
function attorneysOf(page: HtmlPage, cell: Element): Attorney[] {
  const attorneys: Attorney[] = [];
  for (const bold of page.within(cell, "b")) {
    const attorney: Attorney = { name: pySplit(page.textOf(bold)).join(" "), roles: [], contact: "" };
    // The bold name's following siblings (comments aside), up to the next bold name.
    for (let node = nextTextOrElement(bold); node;) {
      if (isText(node)) {
        const line = collapseWhitespace(node.data);
        if (line !== "") attorney.contact += `${line}\n`;
      } else if (node.name === "i") {
        const role = pyStrip(page.textOf(node));
        const lower = role.toLowerCase();
        if (!lower.startsWith("bar status") && !lower.startsWith("designation")) attorney.roles.push(role);
      }
      const next = nextTextOrElement(node);
      if (next === undefined || (isElement(next) && next.name === "b")) {
        attorneys.push(attorney);
        break;
      }
      node = next;
    }
  }
  return attorneys;
}

function nextTextOrElement(node: AnyNode): Element | Text | undefined {
  for (let next = node.next; next; next = next.next) if (next.type !== "comment") return next;
  return undefined;
}

/** The fields that make two parties the same (PACER repeats some), in a fixed order. */
function partyKey(party: PartyDraft): string {
  return JSON.stringify([party.type, party.name, party.extra_info, party.date_terminated, party.attorneys]);
}

/** "(See above for address)": use the contact given for the same attorney earlier on the page. */
function resolveSeeAbove(parties: Party[]): void {
  const known = new Map<string, string>();
  for (const party of parties) {
    for (const attorney of party.attorneys ?? []) {
      if (!attorney.contact) continue;
      if (/see\s+above/i.test(attorney.contact)) attorney.contact = known.get(attorney.name) ?? "";
      else known.set(attorney.name, attorney.contact);
    }
  }
}

export function parseParties(page: HtmlPage, rows: PartyRow[], bankruptcy: boolean, adversary: boolean): Party[] {
  const parties: Party[] = [];
  const seen = new Set<string>();
  const typeNames: TypeNames = new Map();
  let party: PartyDraft = {};
  for (let i = 0; i < rows.length; i++) {
    const { row, cells, text } = rows[i]!;
    if (isSkippedRow(page, row, text, cells, rows[i + 1]?.row)) continue;

    let headingOnly: boolean;
    [party, headingOnly] = partyTypeOf(page, text, cells, party, bankruptcy, typeNames);
    if (headingOnly) continue;

    const nameElement = partyNameElement(page, cells[0]!);
    const previous = rows[i - 1]?.row;
    const afterDisposition = previous !== undefined && page.textOf(previous).includes("Disposition");
    if (nameElement && !afterDisposition) {
      party.name = pyStrip(page.textOf(nameElement));
      party.extra_info = extraInfo(page, cells[0]!);
      party.date_terminated = findDate(HEADER_PATTERNS.dateTerminated, [party.extra_info]);
    }
    const isEmpty = Object.keys(party).length === 0;
    if (cells.length === 3 && !isEmpty) party.attorneys = attorneysOf(page, cells[2]!);
    if (!isEmpty && party.type === undefined) party.type = "Unknown";
    if (!isEmpty) {
      const key = partyKey(party);
      if (!seen.has(key)) {
        seen.add(key);
        parties.push(party as Party);
      }
    }

    // Adversary proceedings list several parties under one heading: keep the type.
    party = adversary && party.type !== undefined ? { type: party.type } : {};
  }
  resolveSeeAbove(parties);
  return parties;
}
