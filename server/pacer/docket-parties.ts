import type { AnyNode, Document, Element, Text } from "domhandler";
import { findDate, HEADER_PATTERNS } from "./docket-metadata";
import { childElements, descendants, findDescendant, hasDescendantPair, isElement, isText, textNodes, textOf } from "./dom";
import { normalizePartyType } from "./party-types";
import { collapseWhitespace, pySplit, pyStrip } from "./strings";
import type { Attorney, Party } from "./types";

/**
 * The parties and counsel table. Party-type rows are bold+underlined ("Plaintiff"), party names
 * bold, counsel in the third cell separated by `<br>`; bankruptcy dockets put the type in
 * `<i><b>`, adversary proceedings use "-----" rules. Criminal dockets interleave count and
 * complaint sections, which `docket-criminal.ts` reads in a second pass over the same rows.
 */

function startsPartyTable(row: Element): boolean {
  const first = childElements(row, "td")[0];
  if (!first) return false;
  return (
    findDescendant(first, (el) => {
      const parent = el.parent;
      if (!isElement(parent)) return false;
      const hasText = el.children.some(isText);
      if (el.name === "b" && parent.name === "i") return hasText;
      if (el.name === "u" && parent.name === "b") return hasText;
      return el.name === "b" && el.children.some((c) => isText(c) && c.data.includes("-----"));
    }) !== undefined
  );
}

/** Every row of every table body that holds a party-type row, in document order. */
export function partyRows(root: Document): Element[] {
  const rows = descendants(root, "tr");
  const containers = new Set<AnyNode>();
  for (const row of rows) if (row.parent && startsPartyTable(row)) containers.add(row.parent);
  return rows.filter((row) => row.parent !== null && containers.has(row.parent));
}

export function hasBold(node: AnyNode): boolean {
  return findDescendant(node, (el) => el.name === "b") !== undefined;
}

/** A party-type heading: bold and underlined. */
export function hasBoldUnderline(node: AnyNode): boolean {
  return hasDescendantPair(node, "b", "u");
}

function rowText(row: Element): string {
  return pyStrip(textOf(row)).toLowerCase();
}

function isSkippedRow(row: Element, cells: Element[], next: Element | undefined): boolean {
  if (cells.length === 0) return true;
  const text = rowText(row);
  if (text === "" || text === "v.") return true;
  if (hasBoldUnderline(cells[0]!)) {
    // A heading not followed by a bold name heads count/offense data, not a party.
    if (!next || !hasBold(next)) return true;
    if (cells.length === 3 && textOf(cells[2]!) === "Disposition") return true;
    return false;
  }
  return !hasBold(row);
}

type PartyDraft = Partial<Party>;

/** The party type a row announces, and whether the row is only that heading. */
function partyTypeOf(row: Element, cells: Element[], party: PartyDraft, bankruptcy: boolean): [PartyDraft, boolean] {
  const text = rowText(row);
  if (cells.length === 1 && hasBoldUnderline(cells[0]!)) {
    return [{ type: normalizePartyType(textOf(cells[0]!)) }, true];
  }
  if (text.includes("------")) {
    const s = pyStrip(textOf(cells[0]!));
    if (cells.length === 1) return [{ type: normalizePartyType(s.replace(/----*/g, "")) }, true];
    if (cells.length === 3) return [{ type: s.split(/----*/)[0]! }, false];
    return [party, false];
  }
  if (bankruptcy && cells.length === 3 && hasDescendantPair(cells[0]!, "i", "b")) {
    const italic = descendants(cells[0]!, "i")[0]!;
    return [{ type: normalizePartyType(textOf(italic)) }, false];
  }
  if (cells.length === 3 && text.includes("service list")) return [{ type: "Service List" }, false];
  return [party, false];
}

function partyNameElement(cell: Element): Element | undefined {
  return descendants(cell, "b").find(
    (b) =>
      !(isElement(b.parent) && b.parent.name === "i") &&
      childElements(b, "u").length === 0 &&
      !textOf(b).includes("------"),
  );
}

/** Text of the name cell outside the bold name, one stripped text node per line. */
function extraInfo(cell: Element): string {
  return textNodes(cell)
    .filter((node) => !(isElement(node.parent) && node.parent.name === "b"))
    .map((node) => pyStrip(node.data))
    .filter((s) => s !== "")
    .join("\n");
}

/** The attorneys of a counsel cell: each bold name followed by its contact lines and roles. */
export function attorneysOf(cell: Element): Attorney[] {
  const attorneys: Attorney[] = [];
  for (const bold of descendants(cell, "b")) {
    const attorney: Attorney = { name: pySplit(textOf(bold)).join(" "), roles: [], contact: "" };
    const siblings: Array<Element | Text> = [];
    for (let n = bold.next; n; n = n.next) if (isText(n) || isElement(n)) siblings.push(n);
    for (let i = 0; i < siblings.length; i++) {
      const node = siblings[i]!;
      if (isText(node)) {
        const line = collapseWhitespace(node.data);
        if (line !== "") attorney.contact += `${line}\n`;
      } else if (node.name === "i") {
        const role = pyStrip(textOf(node));
        const lower = role.toLowerCase();
        if (!lower.startsWith("bar status") && !lower.startsWith("designation")) attorney.roles.push(role);
      }
      const next = siblings[i + 1];
      if (next === undefined || (isElement(next) && next.name === "b")) {
        attorneys.push(attorney);
        break;
      }
    }
  }
  return attorneys;
}

/** Key-order-independent equality for the duplicate check (PACER repeats some parties). */
function sameParty(a: PartyDraft, b: PartyDraft): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
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

export function parseParties(rows: Element[], bankruptcy: boolean, adversary: boolean): Party[] {
  const parties: Party[] = [];
  let party: PartyDraft = {};
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const cells = descendants(row, "td");
    if (isSkippedRow(row, cells, rows[i + 1])) continue;

    let headingOnly: boolean;
    [party, headingOnly] = partyTypeOf(row, cells, party, bankruptcy);
    if (headingOnly) continue;

    const nameElement = partyNameElement(cells[0]!);
    const previous = rows[i - 1];
    const afterDisposition = previous !== undefined && textOf(previous).includes("Disposition");
    if (nameElement && !afterDisposition) {
      party.name = pyStrip(textOf(nameElement));
      party.extra_info = extraInfo(cells[0]!);
      party.date_terminated = findDate(HEADER_PATTERNS.dateTerminated, [party.extra_info]);
    }
    const isEmpty = Object.keys(party).length === 0;
    if (cells.length === 3 && !isEmpty) party.attorneys = attorneysOf(cells[2]!);
    if (!isEmpty && party.type === undefined) party.type = "Unknown";
    if (!isEmpty && !parties.some((known) => sameParty(known, party))) parties.push(party as Party);

    // Adversary proceedings list several parties under one heading: keep the type.
    party = adversary && party.type !== undefined ? { type: party.type } : {};
  }
  resolveSeeAbove(parties);
  return parties;
}
