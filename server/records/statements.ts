import type { Statement } from "better-sqlite3";
import { getTableColumns, type Column } from "drizzle-orm";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { prepareStatement, type Db } from "../../db/client";

/**
 * Prepared statements for the record store's few hot queries (insert, select by id, versioned
 * update). drizzle builds and prepares a new statement on every call, which made a seed of a
 * thousand records take seconds; these are prepared once per table and column set. Values go
 * through each column's own drizzle mapping, so booleans and the like read back exactly as
 * drizzle would return them.
 */
type Meta = {
  table: string;
  byProp: Map<string, { sqlName: string; column: Column }>;
  byName: Map<string, { prop: string; column: Column }>;
};

const metas = new WeakMap<SQLiteTable, Meta>();
const statements = new WeakMap<Db, Map<string, Statement>>();

function metaOf(table: SQLiteTable): Meta {
  let meta = metas.get(table);
  if (!meta) {
    const byProp = new Map<string, { sqlName: string; column: Column }>();
    const byName = new Map<string, { prop: string; column: Column }>();
    for (const [prop, column] of Object.entries(getTableColumns(table))) {
      byProp.set(prop, { sqlName: column.name, column });
      byName.set(column.name, { prop, column });
    }
    meta = { table: getTableConfig(table).name, byProp, byName };
    metas.set(table, meta);
  }
  return meta;
}

function statement(db: Db, key: string, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(key);
  if (!stmt) cache.set(key, (stmt = prepareStatement(db, sql)));
  return stmt;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Turns property values into driver values, in the order of `props`. */
function driverValues(meta: Meta, props: string[], values: Record<string, unknown>): unknown[] {
  return props.map((prop) => {
    const value = values[prop];
    if (value === null || value === undefined) return null;
    return meta.byProp.get(prop)!.column.mapToDriverValue(value);
  });
}

function fromDriver(meta: Meta, raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  const row: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const entry = meta.byName.get(name);
    if (!entry) continue;
    row[entry.prop] = value === null ? null : entry.column.mapFromDriverValue(value);
  }
  return row;
}

function knownProps(meta: Meta, values: Record<string, unknown>): string[] {
  return Object.keys(values)
    .filter((prop) => values[prop] !== undefined && meta.byProp.has(prop))
    .sort();
}

export function insertReturning(db: Db, table: SQLiteTable, values: Record<string, unknown>): Record<string, unknown> {
  const meta = metaOf(table);
  const props = knownProps(meta, values);
  const columns = props.map((p) => quote(meta.byProp.get(p)!.sqlName));
  const sql = `INSERT INTO ${quote(meta.table)} (${columns.join(", ")}) VALUES (${props.map(() => "?").join(", ")}) RETURNING *`;
  const raw = statement(db, `insert:${meta.table}:${props.join(",")}`, sql).get(...driverValues(meta, props, values));
  return fromDriver(meta, raw as Record<string, unknown>)!;
}

export function selectById(db: Db, table: SQLiteTable, id: string | number): Record<string, unknown> | undefined {
  const meta = metaOf(table);
  const raw = statement(db, `select:${meta.table}`, `SELECT * FROM ${quote(meta.table)} WHERE "id" = ?`).get(id);
  return fromDriver(meta, raw as Record<string, unknown> | undefined);
}

/**
 * Updates the given fields only if the row still has `version`; the check and the write are
 * one statement, so no other writer can slip in between. Returns how many rows changed.
 */
export function updateIfVersion(
  db: Db,
  table: SQLiteTable,
  id: string | number,
  version: number,
  changes: Record<string, unknown>,
): number {
  const meta = metaOf(table);
  const props = Object.keys(changes)
    .filter((prop) => changes[prop] !== undefined && meta.byProp.has(prop))
    .sort();
  const assignments = props.map((p) => `${quote(meta.byProp.get(p)!.sqlName)} = ?`);
  const sql = `UPDATE ${quote(meta.table)} SET ${assignments.join(", ")} WHERE "id" = ? AND "version" = ?`;
  return statement(db, `update:${meta.table}:${props.join(",")}`, sql).run(...driverValues(meta, props, changes), id, version).changes;
}
