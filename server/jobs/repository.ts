import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { jobs } from "../../db/schema";

export type JobRow = typeof jobs.$inferSelect;

/**
 * The jobs table. Every state change is one UPDATE whose WHERE clause carries the condition
 * (lease free or expired, lease still ours), so the check and the write are one atomic step
 * even when another process writes the same row.
 */
export function createJobsRepository(db: Db) {
  const leaseIsFree = (now: string) => or(isNull(jobs.leaseOwner), lte(jobs.leaseExpiresAt, now));

  return {
    find(name: string): JobRow | undefined {
      return db.select().from(jobs).where(eq(jobs.name, name)).get();
    },

    all(): JobRow[] {
      return db.select().from(jobs).orderBy(asc(jobs.name)).all();
    },

    /** Creates the row the first time a job is registered; afterwards only the schedule text follows the code. */
    ensure(name: string, schedule: string, firstRunAt: string, now: string): void {
      db.insert(jobs)
        .values({ name, schedule, nextRunAt: firstRunAt, createdAt: now })
        .onConflictDoUpdate({ target: jobs.name, set: { schedule } })
        .run();
    },

    /** Takes the lease of a due job whose lease is free; false when it is not due or someone holds it. */
    claimDue(name: string, owner: string, now: string, leaseUntil: string): boolean {
      return (
        db
          .update(jobs)
          .set({ leaseOwner: owner, leaseExpiresAt: leaseUntil, lastStartedAt: now, runCount: sql`${jobs.runCount} + 1` })
          .where(and(eq(jobs.name, name), lte(jobs.nextRunAt, now), leaseIsFree(now)))
          .run().changes === 1
      );
    },

    /** Takes the lease whatever the next run time ("run now"); false when someone holds it. */
    claimNow(name: string, owner: string, now: string, leaseUntil: string): boolean {
      return (
        db
          .update(jobs)
          .set({ leaseOwner: owner, leaseExpiresAt: leaseUntil, lastStartedAt: now, runCount: sql`${jobs.runCount} + 1` })
          .where(and(eq(jobs.name, name), leaseIsFree(now)))
          .run().changes === 1
      );
    },

    /** Extends a lease we hold; false when it is no longer ours (it expired and another process took it). */
    renew(name: string, owner: string, leaseUntil: string): boolean {
      return (
        db
          .update(jobs)
          .set({ leaseExpiresAt: leaseUntil })
          .where(and(eq(jobs.name, name), eq(jobs.leaseOwner, owner)))
          .run().changes === 1
      );
    },

    succeeded(name: string, owner: string, at: { now: string; nextRunAt: string; result: string | null }): boolean {
      return (
        db
          .update(jobs)
          .set({
            leaseOwner: null,
            leaseExpiresAt: null,
            attempts: 0,
            lastFinishedAt: at.now,
            lastSuccessAt: at.now,
            lastResult: at.result,
            nextRunAt: at.nextRunAt,
          })
          .where(and(eq(jobs.name, name), eq(jobs.leaseOwner, owner)))
          .run().changes === 1
      );
    },

    failed(name: string, owner: string, at: { now: string; nextRunAt: string; error: string }): boolean {
      return (
        db
          .update(jobs)
          .set({
            leaseOwner: null,
            leaseExpiresAt: null,
            attempts: sql`${jobs.attempts} + 1`,
            lastFinishedAt: at.now,
            lastError: at.error,
            lastErrorAt: at.now,
            nextRunAt: at.nextRunAt,
          })
          .where(and(eq(jobs.name, name), eq(jobs.leaseOwner, owner)))
          .run().changes === 1
      );
    },

    /** Gives a lease back without counting a run (the process is stopping); the job stays due. */
    release(name: string, owner: string): void {
      db.update(jobs)
        .set({ leaseOwner: null, leaseExpiresAt: null })
        .where(and(eq(jobs.name, name), eq(jobs.leaseOwner, owner)))
        .run();
    },

    /**
     * Gives back every lease (after `quash db restore`): a restored database's leases were held by
     * processes that ran when the backup was taken, and would keep today's runners off those jobs
     * until they expired. Returns how many were held.
     */
    releaseAll(): number {
      return db
        .update(jobs)
        .set({ leaseOwner: null, leaseExpiresAt: null })
        .where(sql`${jobs.leaseOwner} IS NOT NULL`)
        .run().changes;
    },

    /** Makes a job due now (the staff page's "poll now"); a runner in any process picks it up. */
    makeDue(name: string, now: string): boolean {
      return db.update(jobs).set({ nextRunAt: now }).where(eq(jobs.name, name)).run().changes === 1;
    },

    /** The earliest next run among the named jobs, for the runner's timer. */
    earliestDue(names: string[]): string | undefined {
      if (names.length === 0) return undefined;
      const rows = db.select({ name: jobs.name, nextRunAt: jobs.nextRunAt, leaseExpiresAt: jobs.leaseExpiresAt }).from(jobs).all();
      const wanted = new Set(names);
      let earliest: string | undefined;
      for (const row of rows) {
        if (!wanted.has(row.name)) continue;
        // A leased job is next worth a look when its lease runs out.
        const at = row.leaseExpiresAt && row.leaseExpiresAt > row.nextRunAt ? row.leaseExpiresAt : row.nextRunAt;
        if (earliest === undefined || at < earliest) earliest = at;
      }
      return earliest;
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
