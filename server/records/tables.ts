import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";
import { ValidationError } from "../errors";

/**
 * The editable record types and their tables. Every write goes through the record store,
 * which finds the table here; `user` is managed by the accounts module instead.
 */
export const RECORD_TABLES = {
  court: s.courts,
  judge: s.judges,
  organization: s.organizations,
  person: s.people,
  attorney: s.attorneys,
  subpoena: s.subpoenas,
  account: s.accounts,
  notice: s.notices,
  case: s.cases,
  party: s.parties,
  representation: s.representations,
  entry: s.docketEntries,
  document: s.documents,
  motion: s.motions,
  order: s.orders,
  coverage: s.stayCoverages,
  hearing: s.hearings,
  deadline: s.deadlines,
  event: s.events,
  authority: s.authorities,
  argument: s.argumentsTable,
  doctrine: s.doctrines,
  cite: s.cites,
  source: s.sources,
  fact_source: s.factSources,
  conflict: s.conflicts,
} satisfies Partial<Record<RecordType, SQLiteTable>>;

export type EditableType = keyof typeof RECORD_TABLES;
export type RecordRow<T extends EditableType> = (typeof RECORD_TABLES)[T]["$inferSelect"];
export type RecordInsert<T extends EditableType> = Omit<
  (typeof RECORD_TABLES)[T]["$inferInsert"],
  "createdAt" | "updatedAt" | "version" | "deletedAt"
>;

export function isEditableType(type: string): type is EditableType {
  return Object.hasOwn(RECORD_TABLES, type);
}

/** Columns the record store fills in itself on every insert. */
const STORE_COLUMNS = new Set(["createdAt", "updatedAt", "version"]);

/** Per table, the columns an insert must give: NOT NULL, no default, not the row id. */
const required = new Map<EditableType, string[]>();

function requiredColumns(type: EditableType): string[] {
  let names = required.get(type);
  if (!names) {
    names = Object.entries(getTableColumns(RECORD_TABLES[type]))
      .filter(
        ([name, column]) =>
          column.notNull && !column.hasDefault && !STORE_COLUMNS.has(name) && !(column.primary && column.dataType === "number"),
      )
      .map(([name]) => name);
    required.set(type, names);
  }
  return names;
}

/**
 * Refuses, naming them, the required columns a write left out, so that what reaches the record
 * store is a whole row of the table (the edit service builds a row from fields sent, derived
 * and checked; after this the compiler knows it is complete, and a gap is a 400 naming the
 * field rather than SQLite's NOT NULL failure).
 */
export function assertInsertable<T extends EditableType>(
  type: T,
  values: Partial<RecordInsert<T>>,
  label: string,
): asserts values is RecordInsert<T> {
  const given: Record<string, unknown> = values;
  const missing = requiredColumns(type).filter((name) => given[name] === undefined || given[name] === null);
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((path) => ({ path, message: "is required" })),
      `The ${label} was not saved: some fields are not valid.`,
    );
  }
}
