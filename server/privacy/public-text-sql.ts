import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { redactText } from "./redact";

const registered = new WeakSet<object>();

/**
 * A text column as the public sees it, inside a query: a public text filter (the docket's
 * "q") must match what the page shows, not what is stored, or searching for a full SSN would
 * confirm which entry holds it. The redactor runs as an SQLite function on the connection.
 */
export function publicTextOf(db: Db, column: SQLiteColumn): SQL {
  if (!registered.has(db.$client)) {
    db.$client.function("quash_public_text", { deterministic: true }, (value: unknown) => (typeof value === "string" ? redactText(value) : value));
    registered.add(db.$client);
  }
  return sql`quash_public_text(${column})`;
}
