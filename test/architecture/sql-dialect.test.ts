import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Where the code speaks SQLite rather than SQL (docs/scaling.md: the path to PostgreSQL through
 * drizzle's pg driver). db/ (connection, migrations, backups) and the staff search (FTS5) are
 * SQLite's by design; anything else that uses a SQLite-only construct, or the raw driver, is
 * named here with what it would become, so moving to PostgreSQL is a known list of places and a
 * new one is a decision somebody writes down, not an accident.
 */

const ROOT = resolve(import.meta.dirname, "../..");

/** SQLite-only constructs as they appear in this code's SQL, and what PostgreSQL says instead. */
const SQLITE_ONLY: { name: string; pattern: RegExp }[] = [
  {
    name: "FTS5 (MATCH, bm25, snippet, *_fts tables) → tsvector, ts_rank, ts_headline",
    pattern: /\b(bm25|snippet|highlight)\(|\w+_fts\b|\bMATCH \$\{/,
  },
  {
    name: "JSON1 (json_extract, json_each) → jsonb operators, jsonb_array_elements",
    pattern: /\bjson_(extract|each|group_array|object)\(/,
  },
  { name: "randomblob/hex → gen_random_bytes, encode", pattern: /\brandomblob\(/ },
  { name: "CROSS JOIN as a join-order hint → a plain join (PostgreSQL plans its own order)", pattern: /\bCROSS JOIN\b/i },
  { name: "PRAGMA → settings, pg_catalog", pattern: /\bPRAGMA\b/ },
  { name: "INSERT OR IGNORE/REPLACE → ON CONFLICT", pattern: /\bINSERT OR (IGNORE|REPLACE)\b/i },
  { name: "SQLite date functions → date arithmetic, to_char", pattern: /\b(strftime|julianday|unixepoch)\(/ },
  { name: "sqlite_master, last_insert_rowid → pg_catalog, RETURNING", pattern: /\b(sqlite_master|sqlite_schema|last_insert_rowid)\b/ },
  {
    name: "the raw SQLite driver behind db/client.ts (prepared SQL, SQL functions in JavaScript)",
    pattern: /\b(prepareStatement|defineSqlFunction)\(/,
  },
];

/** Folders that are SQLite's by design. */
const SQLITE_FOLDERS = ["db/", "server/search/"];

/** Every other place, and why it is allowed to stay SQLite's for now. */
const NAMED_EXCEPTIONS: Record<string, string> = {
  "server/alerts/outbox.ts":
    "fans an event out to its deliveries in one INSERT … SELECT over json_each of the recipients, with randomblob keys",
  "server/alerts/recipients.ts": "matches a webhook's event list (a JSON array column) with json_each",
  "server/records/statements.ts": "the record store's hot statements, prepared once on the raw driver (portable SQL)",
  "server/public-search/repository.ts":
    "the public search over its FTS5 index (MATCH, bm25, snippet); PostgreSQL: tsvector, ts_rank, ts_headline",
  "server/records/public-search-index.ts":
    "keeps the public FTS5 index in step with each write, through statements prepared once on the raw driver; PostgreSQL: a tsvector table",
  "server/guard/repository.ts": "the publication guard's hot statements, prepared once on the raw driver (portable SQL)",
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function dialectPlaces(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of [...sources("server"), ...sources("seeds")]) {
    if (SQLITE_FOLDERS.some((folder) => file.startsWith(folder))) continue;
    const text = readFileSync(join(ROOT, file), "utf8");
    const hits = SQLITE_ONLY.filter((c) => c.pattern.test(text)).map((c) => c.name);
    if (hits.length) found.set(relative(".", file), hits);
  }
  return found;
}

describe("SQL dialect", () => {
  it("keeps SQLite-only SQL in db/, the search module and the places named here", () => {
    const found = dialectPlaces();
    const unexpected = [...found].filter(([file]) => !(file in NAMED_EXCEPTIONS)).map(([file, hits]) => `${file}: ${hits.join("; ")}`);
    expect(
      unexpected,
      "SQLite-only SQL outside db/ and server/search/: use portable SQL, or name the file in NAMED_EXCEPTIONS with why",
    ).toEqual([]);
    // A named place that no longer needs SQLite leaves the list, so the list stays true.
    expect(Object.keys(NAMED_EXCEPTIONS).filter((file) => !found.has(file))).toEqual([]);
  });

  it("finds what it looks for", () => {
    const probe = (text: string) => SQLITE_ONLY.filter((c) => c.pattern.test(text)).map((c) => c.name.split(" ")[0]);
    expect(probe("select json_extract(value, '$.c') from json_each(?)")).toEqual(["JSON1"]);
    expect(probe("SELECT rowid FROM docket_entries_fts WHERE docket_entries_fts MATCH ${q}")).toEqual(["FTS5"]);
    expect(probe("select id from cases where slug = ?")).toEqual([]);
  });
});
