import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";

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
