import { readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { MIGRATIONS_FOLDER, type Db } from "./client";

/*
 * How far a database's schema has come: the migrations drizzle recorded in it, against the
 * ones this code ships (db/migrations/meta/_journal.json). A database behind the code is
 * brought up by openDatabase; one ahead of it was made by newer code.
 */

let shipped: number | undefined;

/** Migrations this code ships. */
export function shippedMigrations(): number {
  shipped ??= (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  return shipped;
}

/** Migrations recorded in a raw connection's database (0 for a file that never had any). */
export function migrationsRecordedIn(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number) : 0;
}

/** Migrations recorded in an open database. */
export function appliedMigrations(db: Db): number {
  return migrationsRecordedIn(db.$client);
}
