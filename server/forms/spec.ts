/*
 * How a staff form is declared: groups of fields, each with its label, control and hint. The
 * names are the edit schema's field names (server/editing/records/*), so the form body goes
 * straight through `formInput` and the schema's messages land beside the right input.
 */

export type Choice = { value: string; label: string };

export type Control =
  | "text"
  | "textarea"
  | "date"
  | "number"
  | "time"
  | "url"
  | "select"
  | "checkbox"
  // Several related records (a motion's movants): a list of checkboxes, sent as repeated values.
  | "checkboxes"
  // The four columns of a date known only roughly: date, latest day, precision, label.
  | "fuzzy-date"
  // Repeated rows of several columns (an order's coverage): `name[0][column]` inputs.
  | "rows"
  // Repeated single texts (a subpoena's demands): one input per line.
  | "lines";

export type FieldSpec = {
  name: string;
  label: string;
  control: Control;
  hint?: string;
  required?: boolean;
  /** select and checkboxes */
  choices?: Choice[];
  /** A select's empty first option ("none", "guess from the text"); without it the select has no empty choice. */
  blank?: string;
  /** rows: the columns of each row */
  columns?: FieldSpec[];
  /** rows and lines: how many empty ones to offer for adding */
  extra?: number;
  /** What a new record's field starts with, and what an untouched empty row holds. */
  initial?: string;
  autofocus?: boolean;
  /** Lines of a textarea. */
  size?: number;
};

export type FieldGroup = { legend: string; hint?: string; fields: FieldSpec[]; collapsed?: boolean };

/** The parts of a fuzzy date, as named in the edit schemas (`fuzzyDate("dateFiled")`). */
export const FUZZY_PARTS = [
  { suffix: "", label: "", control: "date" },
  { suffix: "Precision", label: "how exact", control: "select" },
  { suffix: "Latest", label: "latest possible day", control: "date" },
  { suffix: "Label", label: "as the source words it", control: "text" },
] as const;

/** Every input name a field sends, with the words to use for it in messages. */
export function inputNames(field: FieldSpec): { name: string; label: string }[] {
  if (field.control === "fuzzy-date") {
    return FUZZY_PARTS.map((p) => ({ name: `${field.name}${p.suffix}`, label: p.label ? `${field.label}: ${p.label}` : field.label }));
  }
  return [{ name: field.name, label: field.label }];
}

export const allFields = (groups: FieldGroup[]) => groups.flatMap((g) => g.fields);

/** Checkboxes and multi-selects: absent from a body, they mean false or none (see formInput). */
export function uncheckedNames(groups: FieldGroup[]): string[] {
  return allFields(groups)
    .filter((f) => f.control === "checkbox" || f.control === "checkboxes" || f.control === "rows" || f.control === "lines")
    .map((f) => f.name);
}

/** Choices from a label map, in the map's order or the enum's. */
export function enumChoices(values: readonly string[], labels: Record<string, string> = {}): Choice[] {
  return values.map((value) => ({ value, label: labels[value] ?? value.replace(/_/g, " ") }));
}

/** A date, as on the docket. */
export const dateField = (name: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label,
  control: "date",
  hint: "YYYY-MM-DD",
  ...extra,
});

/** The address field of a record with a slug; `hint` says what it is made from when left empty. */
export const slugField = (hint: string): FieldSpec => ({ name: "slug", label: "Address in URLs", control: "text", hint });
