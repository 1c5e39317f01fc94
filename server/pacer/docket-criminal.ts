import { hasBold, hasBoldUnderline, type PartyRow } from "./docket-parties";
import { childElements, type Element, type HtmlPage } from "./dom";
import { cleanCourtString, cleanString, pyStrip } from "./strings";
import type { CriminalData, Party } from "./types";

/**
 * Criminal dockets list, under each defendant, "Pending Counts", "Terminated Counts",
 * "Highest Offense Level (Opening/Terminated)" and "Complaints" sections with a disposition
 * column. This second pass over the party rows attaches them to the defendant above.
 *
 * As in the reference, a defendant's data is attached when the next party starts, so data
 * after the last party row is not attached.
 */

type Section =
  | { kind: "highest_offense"; key: "highest_offense_level_opening" | "highest_offense_level_terminated" }
  | { kind: "counts"; status: "pending" | "terminated" }
  | { kind: "complaints" }
  | { kind: "unknown" };

const OFFENSE = /highest\s+offense.*(opening|terminated)/i;
const COUNTS = /(pending|terminated)\s+counts/i;
const COMPLAINTS = /complaints/i;

/**
 * Whether the cleaned text of a cell of the row whose lower-cased text is `rowText` can contain
 * `word` (lower case): clean_string makes no letters, but it drops `*` and `#`, which can join
 * two halves of a word.
 */
function mayHave(rowText: string, word: string): boolean {
  return rowText.includes(word) || rowText.includes("*") || rowText.includes("#");
}

function sectionHeading(page: HtmlPage, cells: Element[], rowText: string): Section | undefined {
  // Most rows are parties and counsel: only a row with one of the headings' words is read closer.
  if (mayHave(rowText, "offense") || mayHave(rowText, "counts") || mayHave(rowText, "complaints")) {
    const text = cleanString(page.textOf(cells[0]!));
    const offense = OFFENSE.exec(text);
    if (offense) {
      const status = offense[1]!.toLowerCase() as "opening" | "terminated";
      return { kind: "highest_offense", key: `highest_offense_level_${status}` };
    }
    const counts = COUNTS.exec(text);
    if (counts) return { kind: "counts", status: counts[1]!.toLowerCase() as "pending" | "terminated" };
    if (COMPLAINTS.test(text)) return { kind: "complaints" };
  }
  // Any other underlined heading ("Plaintiff"…) ends the criminal sections.
  if (childElements(cells[0]!, "b").some((b) => childElements(b, "u").length > 0)) return { kind: "unknown" };
  return undefined;
}

function emptyData(): CriminalData {
  return { counts: [], complaints: [], highest_offense_level_opening: "", highest_offense_level_terminated: "" };
}

function isEmpty(data: CriminalData): boolean {
  return (
    data.counts.length === 0 &&
    data.complaints.length === 0 &&
    data.highest_offense_level_opening === "" &&
    data.highest_offense_level_terminated === ""
  );
}

function cleaned(data: CriminalData): CriminalData {
  return {
    highest_offense_level_opening: cleanCourtString(data.highest_offense_level_opening),
    highest_offense_level_terminated: cleanCourtString(data.highest_offense_level_terminated),
    counts: data.counts.map((c) => ({ name: cleanCourtString(c.name), disposition: cleanCourtString(c.disposition), status: c.status })),
    complaints: data.complaints.map((c) => ({ name: cleanCourtString(c.name), disposition: cleanCourtString(c.disposition) })),
  };
}

export function addCriminalData(page: HtmlPage, parties: Party[], rows: PartyRow[]): void {
  let partyIndex = -1;
  let data = emptyData();
  let section: Section | undefined;
  for (let i = 0; i < rows.length; i++) {
    const { cells, text } = rows[i]!;
    if (cells.length === 0) continue;
    if (text === "" || text === "v.") continue;

    const next = rows[i + 1]?.row;
    const representedBy =
      cells.length === 3 && mayHave(text, "represented") && cleanString(page.textOf(cells[1]!)).includes("represented by");
    const unrepresentedParty =
      cells.length === 1 &&
      hasBoldUnderline(page, cells[0]!) &&
      next !== undefined &&
      hasBold(page, next) &&
      !cleanString(page.textOf(next)).includes("represented by");
    if (representedBy || unrepresentedParty) {
      if (!isEmpty(data) && parties.length > 0) {
        // Index -1 (data before the first party row) lands on the last party, as in Python.
        const target = parties[partyIndex < 0 ? parties.length + partyIndex : partyIndex];
        if (target) target.criminal_data = cleaned(data);
      }
      partyIndex++;
      data = emptyData();
      section = undefined;
      continue;
    }

    const heading = sectionHeading(page, cells, text);
    if (heading) {
      section = heading;
      continue;
    }
    if (!section) continue;
    const disposition = cells[2] ? page.textOf(cells[2]) : "";
    if (section.kind === "highest_offense") {
      data[section.key] = page.textOf(cells[0]!);
    } else if (section.kind === "counts") {
      const name = pyStrip(page.textOf(cells[0]!));
      if (name !== "None") data.counts.push({ name, disposition, status: section.status });
    } else if (section.kind === "complaints") {
      const name = page.textOf(cells[0]!);
      if (name !== "None") data.complaints.push({ name, disposition });
    }
  }
}
