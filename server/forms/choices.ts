import { DATE_PRECISIONS } from "../../db/schema";
import type { EditableType } from "../records/tables";
import { formatDocketDate } from "../shared/dates";
import { enumChoices, type Choice } from "./spec";
import type { FormsRepository } from "./repository";

type Row = Record<string, unknown>;

export const DATE_PRECISION_LABELS: Record<string, string> = {
  day: "the day is known",
  month: "only the month is known",
  year: "only the year is known",
  weekday: "only the weekday is known (“a Tuesday in September”)",
  range: "somewhere between two days",
  unknown: "not known",
};
export const DATE_PRECISION_CHOICES = enumChoices(DATE_PRECISIONS, DATE_PRECISION_LABELS);

const shorten = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** How one record is named in selects, lists and headings: what a clerk would call it. */
export function recordName(type: EditableType, row: Row): string {
  switch (type) {
    case "court":
      return str(row.shortName) || str(row.name);
    case "judge":
      return `${str(row.title)} ${str(row.name)}`.trim();
    case "account":
      return str(row.handle) || str(row.displayName) || `account ${str(row.id)}`;
    case "source":
      return `${str(row.tag)}: ${shorten(str(row.title))}`;
    case "authority":
      return str(row.shortName) || str(row.citation);
    case "entry": {
      const number = row.number === null || row.number === undefined ? "Unnumbered entry" : `ECF No. ${str(row.number)}`;
      return `${number}, filed ${formatDocketDate(str(row.dateFiled))}: ${shorten(str(row.shortDescription) || str(row.description), 60)}`;
    }
    case "party":
      return `${str(row.name)} (${str(row.role)})`;
    case "deadline":
      return `${str(row.label)}, due ${formatDocketDate(str(row.dateDue))}`;
    case "case":
      return str(row.label);
    case "notice":
      return `Notice of ${row.dateNotified ? formatDocketDate(str(row.dateNotified)) : "unknown date"}`;
    case "fact_source":
      return `Source link ${str(row.id)}`;
    case "representation":
      return `Counsel ${str(row.id)}`;
    case "argument":
      return shorten(`${str(row.doctrineTag)}: ${str(row.text)}`, 80);
    default:
      return str(row.title) || str(row.name) || `${type} ${str(row.id)}`;
  }
}

/**
 * The records a form's selects offer, read on demand: a form asks only for the lists it shows.
 * Deleted records are never offered.
 */
export function createChoices(repo: FormsRepository) {
  const of = (type: EditableType, caseId?: number): Choice[] =>
    repo.rows(type, caseId === undefined ? {} : { caseId }).map((row) => ({ value: String(row.id), label: recordName(type, row) }));
  const sorted = (choices: Choice[]) => [...choices].sort((a, b) => a.label.localeCompare(b.label));
  return {
    courts: () => sorted(of("court")),
    judges: () => sorted(of("judge")),
    organizations: () => sorted(of("organization")),
    subpoenas: () => of("subpoena"),
    accounts: () => sorted(of("account")),
    attorneys: () => sorted(of("attorney")),
    sources: () => of("source"),
    authorities: () => sorted(of("authority")),
    cases: () => sorted(of("case")),
    entries: (caseId: number) => of("entry", caseId),
    parties: (caseId: number) => of("party", caseId),
    motions: (caseId: number) => of("motion", caseId),
    orders: (caseId: number) => of("order", caseId),
    deadlines: (caseId: number) => of("deadline", caseId),
  };
}

export type Choices = ReturnType<typeof createChoices>;
