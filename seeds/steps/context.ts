import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import type { SeedWriter } from "../seed-writer";

/** What every load step gets: the database (for natural-key lookups) and the writer. */
export type SeedContext = { db: Db; w: SeedWriter };

/**
 * Finds a record by a unique column (slug, tag, code, court id), for records staff created
 * before the seed ran. Without this the insert would fail on the unique index.
 */
export function findBy(db: Db, table: SQLiteTable, column: SQLiteColumn, value: string) {
  return (): number | string | undefined => {
    const idColumn = (table as unknown as { id: SQLiteColumn }).id;
    const row = db.select({ id: idColumn }).from(table).where(eq(column, value)).get() as { id: number | string } | undefined;
    return row?.id;
  };
}
