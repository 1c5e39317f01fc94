import type { Db } from "../../db/client";
import { seedDatabase } from "../../seeds/load";
import { createTestDb, testClock } from "../support/db";

/** A fresh in-memory database with the bundled record loaded once. */
export function createSeededDb(): Db {
  const db = createTestDb();
  seedDatabase(db, { clock: testClock });
  return db;
}

export type TextCell = { table: string; column: string; value: string; row: Record<string, unknown> };

/** Every text value in every table (revisions included), for whole-database checks. */
export function textCells(db: Db, options: { skipTables?: string[] } = {}): TextCell[] {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
    .all() as { name: string }[];
  const cells: TextCell[] = [];
  for (const { name } of tables) {
    if (options.skipTables?.includes(name)) continue;
    for (const row of db.$client.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string") cells.push({ table: name, column, value, row });
      }
    }
  }
  return cells;
}

/** Row counts of every table, to compare before and after a load. */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
}
