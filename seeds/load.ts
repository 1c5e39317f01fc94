import { count } from "drizzle-orm";
import type { Db } from "../db/client";
import { cases, sources } from "../db/schema";
import type { Actor } from "../server/records/store";
import type { Clock } from "../server/shared/clock";
import { createSeedWriter, type SeedResult } from "./seed-writer";
import { loadCases } from "./steps/load-cases";
import { loadDocket } from "./steps/load-docket";
import { loadEvents } from "./steps/load-events";
import { loadReference } from "./steps/load-reference";
import { loadSubpoenas } from "./steps/load-subpoenas";

export type { SeedResult } from "./seed-writer";

/** Revisions of seeded records name this actor unless the caller gives another. */
export const SEED_ACTOR: Actor = { userId: null, label: "seed" };

/**
 * Loads the bundled record through the record store, so every record gets its creation
 * revision. One synchronous transaction: a data error leaves the database untouched.
 * Idempotent: what exists — even edited or deleted by staff since — is left alone, so a
 * second load creates nothing. `created` counts new rows per table.
 */
export function seedDatabase(db: Db, options: { clock: Clock; actor?: Actor }): SeedResult {
  return db.transaction(() => {
    const context = { db, w: createSeedWriter(db, options.clock, options.actor ?? SEED_ACTOR) };
    // Order matters: each step refers to records the earlier ones created.
    loadReference(context);
    loadSubpoenas(context);
    loadCases(context);
    loadDocket(context);
    loadEvents(context);
    return context.w.result();
  });
}

/** True before anything is loaded: no cases and no sources, deleted ones included. */
export function isDatabaseEmpty(db: Db): boolean {
  const caseCount = db.select({ n: count() }).from(cases).get()?.n ?? 0;
  const sourceCount = db.select({ n: count() }).from(sources).get()?.n ?? 0;
  return caseCount === 0 && sourceCount === 0;
}
