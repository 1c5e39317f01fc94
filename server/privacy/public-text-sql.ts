import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { defineSqlFunction, type Db } from "../../db/client";
import { redactText } from "./redact";

/**
 * A text column as the public sees it, inside a query: a public text filter (the docket's
 * "q") must match what the page shows, not what is stored, or searching for a full SSN would
 * confirm which entry holds it. The redactor runs as an SQLite function on the connection.
 */
export function publicTextOf(db: Db, column: SQLiteColumn): SQL {
  defineSqlFunction(db, "quash_public_text", (value: unknown) => (typeof value === "string" ? redactText(value) : value));
  return sql`quash_public_text(${column})`;
}
