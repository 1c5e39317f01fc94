import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseFreshness } from "../../db/schema";
import { preparedQuery } from "../records/prepared";

export type FreshnessRow = typeof caseFreshness.$inferSelect;

/**
 * How current each case is (last RSS check, last RSS item, last docket report, last NEF).
 * Synchronous; every import path and the RSS poll move it forward inside their own transaction.
 */
export function createFreshnessRepository(db: Db) {
  return {
    freshness(caseId: number): FreshnessRow | undefined {
      return preparedQuery(db, "freshness.row", () =>
        db
          .select()
          .from(caseFreshness)
          .where(eq(caseFreshness.caseId, sql.placeholder("caseId")))
          .prepare(),
      ).get({ caseId });
    },

    freshnessOf(caseIds: number[]): Map<number, FreshnessRow> {
      if (caseIds.length === 0) return new Map();
      return new Map(
        db
          .select()
          .from(caseFreshness)
          .where(inArray(caseFreshness.caseId, caseIds))
          .all()
          .map((r) => [r.caseId, r]),
      );
    },

    /** Moves the given freshness dates forward; a date never goes back (an older import arriving late). */
    touchFreshness(caseId: number, values: Partial<Omit<FreshnessRow, "caseId">>): void {
      const current = this.freshness(caseId);
      const next: Partial<FreshnessRow> = {};
      for (const [key, value] of Object.entries(values) as [keyof FreshnessRow, string | null][]) {
        if (value === null || value === undefined) continue;
        const was = current?.[key] as string | null | undefined;
        if (!was || value > was) (next as Record<string, string>)[key] = value;
      }
      if (Object.keys(next).length === 0) return;
      db.insert(caseFreshness)
        .values({ caseId, ...next })
        .onConflictDoUpdate({ target: caseFreshness.caseId, set: next })
        .run();
    },
  };
}
