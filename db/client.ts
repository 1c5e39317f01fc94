import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Raised when the database cannot be opened or migrated; its message is one line for the operator. */
export class DatabaseOpenError extends Error {}

/**
 * How hard SQLite makes sure a commit is on disk before it returns. In WAL mode NORMAL syncs
 * only at checkpoints, so a power cut or an OS crash can undo the last commits the app already
 * answered 2xx for; FULL syncs the WAL at every commit, so an acknowledged write survives.
 * The cost per write is measured by `npm run bench` (bench/write-durability.ts).
 */
export const SYNCHRONOUS = "FULL";

/**
 * Opens (creating if needed) the SQLite file with the settings the app relies on, and applies
 * every migration. WAL lets readers continue while a writer commits; the busy timeout makes a
 * second process (the CLI during `quash serve`) wait instead of failing at once.
 */
export function openDatabase(file: string): Db {
  let sqlite: Database.Database;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    sqlite = configure(new Database(file));
  } catch (error) {
    throw new DatabaseOpenError(`cannot open database ${file}: ${reason(error)}`);
  }
  const db = withImmediateTransactions(drizzle(sqlite, { schema }) as Db);
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    sqlite.close();
    throw new DatabaseOpenError(`cannot migrate database ${file}: ${reason(error)}`);
  }
  // What SQLite asks of a long-lived connection at its start (limited work, every table), so
  // the planner knows a million-row docket_entries from a ten-row courts table.
  if (file !== ":memory:") sqlite.pragma("optimize=0x10002");
  return db;
}

/**
 * Brings the planner's statistics up to date where the tables changed enough to matter
 * (SQLite's PRAGMA optimize: cheap when nothing did). Run at close and every few hours by
 * `quash serve` (server/server.ts).
 */
export function optimizeDatabase(db: Db): void {
  db.$client.pragma("optimize");
}

/**
 * A private in-memory database holding what `image` holds (a `databaseImage` of a migrated
 * database), with the same settings as openDatabase and without running the migrations again:
 * the tests' fresh database for each test, at a fraction of a millisecond instead of every
 * migration's SQL each time.
 */
export function openDatabaseImage(image: Buffer): Db {
  return withImmediateTransactions(drizzle(configure(new Database(image)), { schema }) as Db);
}

/** The whole database as bytes, for openDatabaseImage. */
export function databaseImage(db: Db): Buffer {
  return db.$client.serialize();
}

/**
 * Every transaction begins IMMEDIATE, taking the write lock at its start. A deferred one reads
 * first on a snapshot and asks for the lock at its first write; if another process (the CLI, a
 * second server) committed in between, SQLite cannot let it write on a stale snapshot and
 * fails at once ("database is locked"), without waiting the busy timeout. The server then
 * answered 500 to writes while `quash db backup` or `quash jobs run` touched the database.
 * Nested transactions are savepoints inside the outer one, as before.
 */
function withImmediateTransactions(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((work, config) => begin(work, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** How many distinct SQL texts a connection keeps compiled (a docket page runs about twenty). */
const KEPT_STATEMENTS = 1000;

const uncachedPrepare = new WeakMap<Database.Database, Database.Database["prepare"]>();

/**
 * Keeps each compiled statement per connection, by its SQL text. Drizzle asks the driver to
 * prepare every query again on each call, and SQLite compiling the same SELECT twenty times a
 * page was an eighth of a docket page's render. A kept statement is handed out again only when
 * no iteration is running on it, and with its row mode reset (drizzle sets `raw()` on the
 * statements whose rows it maps itself, and uses each one at once). Statements kept by their
 * callers (prepareStatement, dataVersion) are prepared apart, so nobody else resets their mode.
 */
function keepStatements(sqlite: Database.Database): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  uncachedPrepare.set(sqlite, prepare);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      kept.delete(source);
      kept.set(source, statement);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as Database.Database["prepare"];
  return sqlite;
}

function configure(sqlite: Database.Database): Database.Database {
  keepStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`synchronous = ${SYNCHRONOUS}`);
  return sqlite;
}

/** Closes the connection; the Db must not be used afterwards. */
export function closeDatabase(db: Db): void {
  if (db.$client.open && !db.$client.readonly) {
    try {
      optimizeDatabase(db);
    } catch {
      // A connection that cannot write now (a busy or read-only file) closes without it.
    }
  }
  db.$client.close();
}

const dataVersionStatements = new WeakMap<Db, Database.Statement>();

/**
 * SQLite's data_version: it changes when another connection (the CLI while the server runs)
 * commits to the file, and never for this connection's own writes.
 */
export function dataVersion(db: Db): number {
  let statement = dataVersionStatements.get(db);
  if (!statement) dataVersionStatements.set(db, (statement = ownStatement(db, "PRAGMA data_version").pluck()));
  return statement.get() as number;
}

/** SQLite's online backup of the open database to `target`: a consistent copy even while others write. */
export async function backupDatabase(db: Db, target: string): Promise<void> {
  await db.$client.backup(target);
}

/**
 * A prepared statement on the raw driver, for the record store's few hot queries
 * (server/records/statements.ts), which drizzle would build and prepare again on every call.
 */
export function prepareStatement(db: Db, sql: string): Database.Statement {
  return ownStatement(db, sql);
}

/** A statement of the caller's own, never handed to anyone else (see keepStatements). */
function ownStatement(db: Db, sql: string): Database.Statement {
  return (uncachedPrepare.get(db.$client) ?? db.$client.prepare.bind(db.$client))(sql);
}

const sqlFunctions = new WeakMap<Db, Set<string>>();

/**
 * Registers a deterministic SQL function on this connection (once per name: later calls keep
 * the first), for queries that must apply the app's own rule inside SQL (the redactor).
 */
export function defineSqlFunction(db: Db, name: string, fn: (value: unknown) => unknown): void {
  const names = sqlFunctions.get(db) ?? new Set<string>();
  if (names.has(name)) return;
  db.$client.function(name, { deterministic: true }, fn);
  names.add(name);
  sqlFunctions.set(db, names);
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // drizzle wraps the SQLite error; the first line is the useful part.
  return (message.split("\n")[0] ?? message).replace(/^Failed to run the query '.*?'\s*/, "");
}
