import { allFields, FUZZY_PARTS, type FieldGroup, type FieldSpec } from "./spec";

type Row = Record<string, unknown>;

/** What each input of a form shows: text for one input, a list for checkboxes and lines, cells for rows. */
export type FormValues = Record<string, string | string[] | Record<string, string>[]>;

/** The marker a row's "remove this row" box sends. */
export const REMOVE_COLUMN = "_remove";

const text = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "";
  return String(value);
};

/** A form value that should be one string: the last of repeated ones (a hidden default before a checkbox). */
const single = (value: unknown): string => text(Array.isArray(value) ? value.at(-1) : value);
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(text).filter((v) => v.trim() !== "");

/** `coverage[2][subpoenaId]` inputs as rows, in index order. */
function rowsFromBody(body: Row, field: FieldSpec): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${field.name}\\[(\\d+)\\]\\[([A-Za-z_]\\w*)\\]$`);
  for (const [key, value] of Object.entries(body)) {
    const match = pattern.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (!byIndex.has(index)) byIndex.set(index, {});
    byIndex.get(index)![match[2]!] = single(value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** A row the user left as it was offered (empty, or defaults only) or asked to remove. */
function isDropped(field: FieldSpec, row: Record<string, string>): boolean {
  if (row[REMOVE_COLUMN]) return true;
  return (field.columns ?? []).every((c) => (row[c.name] ?? "").trim() === "" || row[c.name] === c.initial);
}

/**
 * The body as the schema should read it: empty extra rows and lines dropped and the rest
 * numbered from 0, so an error on `coverage.1.subpoenaId` names the second row the form shows
 * again. Everything else is left as sent.
 */
export function cleanBody(groups: FieldGroup[], body: unknown): Row {
  const source = typeof body === "object" && body !== null ? (body as Row) : {};
  const out: Row = { ...source };
  for (const field of allFields(groups)) {
    if (field.control === "rows") {
      const rows = rowsFromBody(source, field).filter((row) => !isDropped(field, row));
      for (const key of Object.keys(out)) if (key.startsWith(`${field.name}[`)) delete out[key];
      rows.forEach((row, i) => {
        for (const column of field.columns ?? []) out[`${field.name}[${i}][${column.name}]`] = row[column.name] ?? "";
      });
    } else if (field.control === "lines") {
      const lines = list(source[field.name]);
      if (lines.length) out[field.name] = lines;
      else delete out[field.name];
    }
  }
  return out;
}

/** What the inputs show for a (cleaned) form body: exactly what the user typed. */
export function valuesFromBody(groups: FieldGroup[], body: Row): FormValues {
  const values: FormValues = {};
  for (const field of allFields(groups)) {
    if (field.control === "fuzzy-date") {
      for (const part of FUZZY_PARTS) values[`${field.name}${part.suffix}`] = single(body[`${field.name}${part.suffix}`]);
    } else if (field.control === "checkboxes" || field.control === "lines") {
      values[field.name] = list(body[field.name]);
    } else if (field.control === "rows") {
      values[field.name] = rowsFromBody(body, field);
    } else {
      values[field.name] = single(body[field.name]);
    }
  }
  return values;
}

/** What the inputs show for a stored record (columns and link sets, as `app.editing.find` gives them). */
export function valuesFromRecord(groups: FieldGroup[], record: Row): FormValues {
  const values: FormValues = {};
  for (const field of allFields(groups)) {
    if (field.control === "fuzzy-date") {
      for (const part of FUZZY_PARTS) values[`${field.name}${part.suffix}`] = text(record[`${field.name}${part.suffix}`]);
    } else if (field.control === "checkboxes" || field.control === "lines") {
      values[field.name] = ((record[field.name] as unknown[] | undefined) ?? []).map(text);
    } else if (field.control === "rows") {
      values[field.name] = ((record[field.name] as Row[] | undefined) ?? []).map((row) =>
        Object.fromEntries((field.columns ?? []).map((c) => [c.name, text(row[c.name])])),
      );
    } else {
      values[field.name] = text(record[field.name]);
    }
  }
  return values;
}

/** A new record's starting values: each field's `initial`, then what the link asked for (`?motionId=4`). */
export function initialValues(groups: FieldGroup[], preset: Record<string, unknown> = {}): FormValues {
  const values = valuesFromRecord(groups, {});
  for (const field of allFields(groups)) {
    if (field.initial !== undefined) values[field.name] = field.initial;
    const asked = preset[field.name];
    if (typeof asked === "string" && field.control !== "rows")
      values[field.name] = field.control === "checkboxes" || field.control === "lines" ? [asked] : asked;
  }
  return values;
}
