import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../../db/client";
import type { Clock } from "../shared/clock";
import { createJobsRepository, type JobRow } from "./repository";
import { backoffMs, checkSchedule, DEFAULT_MAX_BACKOFF_MS, describeSchedule, nextRunAfter, type JobSchedule } from "./schedule";

/**
 * Durable background jobs, scheduled and leased through the database (see README.md).
 * A job runs only while its runner holds the lease in the jobs table; the lease is renewed while
 * the job runs and is released (with the next run time) when it ends. A process that dies keeps
 * its lease until it expires, after which any runner takes the job again: nothing is skipped,
 * and no two processes run one job at the same time.
 */

export type JobContext = {
  name: string;
  /** Aborted when the runner stops or the lease was lost; a long job should give up. */
  signal: AbortSignal;
  /** Failures in a row before this run (0 after a success). */
  failures: number;
  /** The job's row as it was when the run started. */
  previous: JobRow;
};

/** What a run may tell the runner; everything optional. */
export type JobResult = {
  /** One line for staff and `quash jobs list` ("3 new entries, 41 items dropped"). */
  summary?: string;
  /** Run again no earlier than this (ISO instant), e.g. a feed's Retry-After. */
  notBefore?: string;
};

export type JobDefinition = {
  /** Stable and unique: "rss-poll:cand". It is the key of the job's row. */
  name: string;
  schedule: JobSchedule;
  run: (context: JobContext) => JobResult | void | Promise<JobResult | void>;
  /** How long a run may go without renewing its lease before another runner may take it (default 2 min). */
  leaseMs?: number;
  /** Longest wait between tries while failing (default 6 h). */
  maxBackoffMs?: number;
  /** A job seen for the first time runs at once (default), or at its first scheduled time. */
  firstRun?: "now" | "scheduled";
};

/** Thrown by a run to fail it and ask for the next try no earlier than `notBefore` (a 429's Retry-After). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly notBefore: string,
  ) {
    super(message);
    this.name = "RetryLaterError";
  }
}

export type RunOutcome =
  | { ran: true; ok: true; summary: string | null; nextRunAt: string }
  | { ran: true; ok: false; error: string; nextRunAt: string }
  | { ran: false; reason: string };

export type JobState = JobRow & {
  /** Registered in this process (a row can outlive the code that made it: a court no longer watched). */
  registered: boolean;
  /** Running in this process now. */
  running: boolean;
};

export type RunnerOptions = {
  db: Db;
  clock: Clock;
  /** Where the runner reports what it does; never given secrets. */
  log?: { info: (msg: string) => void; warn: (msg: string) => void };
  /** Longest sleep between looks at the table, so a "run now" from another process is seen (default 15 s). */
  maxSleepMs?: number;
  owner?: string;
};

const DEFAULT_LEASE_MS = 2 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? message).slice(0, MAX_ERROR_LENGTH) || "failed without a message";
}

export function createJobRunner(options: RunnerOptions) {
  const { db, clock } = options;
  const repo = createJobsRepository(db);
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const maxSleepMs = options.maxSleepMs ?? 15_000;
  const definitions = new Map<string, JobDefinition>();
  const sources: (() => JobDefinition[])[] = [];
  const running = new Map<string, { promise: Promise<RunOutcome>; abort: AbortController }>();
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let stopping = false;

  const now = () => new Date(clock.now());
  const iso = (d: Date) => d.toISOString();

  function register(definition: JobDefinition): void {
    checkSchedule(definition.schedule);
    definitions.set(definition.name, definition);
    const at = now();
    const firstRunAt = definition.firstRun === "scheduled" ? nextRunAfter(definition.schedule, at) : at;
    repo.ensure(definition.name, describeSchedule(definition.schedule), iso(firstRunAt), iso(at));
    if (started) wake();
  }

  function unregister(name: string): void {
    definitions.delete(name);
  }

  /** Re-reads the sources (jobs that come and go with the data, like one poll per watched court). */
  function refreshSources(): void {
    if (sources.length === 0) return;
    const wanted = new Map<string, JobDefinition>();
    for (const source of sources) for (const def of source()) wanted.set(def.name, def);
    for (const [name, def] of wanted) {
      const current = definitions.get(name);
      if (!current || describeSchedule(current.schedule) !== describeSchedule(def.schedule)) register(def);
      else definitions.set(name, def);
    }
    for (const name of [...definitions.keys()]) if (sourced.has(name) && !wanted.has(name)) definitions.delete(name);
    sourced = new Set(wanted.keys());
  }
  let sourced = new Set<string>();

  function execute(definition: JobDefinition): Promise<RunOutcome> {
    const { name } = definition;
    const leaseMs = definition.leaseMs ?? DEFAULT_LEASE_MS;
    const abort = new AbortController();
    const previous = repo.find(name)!;
    const renewal = setInterval(
      () => {
        if (!repo.renew(name, owner, iso(new Date(now().getTime() + leaseMs)))) abort.abort(new Error("the lease was lost"));
      },
      Math.max(250, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    // In the map before the run starts: a synchronous run ends (and leaves the map) before the promise exists.
    const entry = { abort, promise: null as unknown as Promise<RunOutcome> };
    running.set(name, entry);
    entry.promise = (async (): Promise<RunOutcome> => {
      try {
        const result = (await definition.run({ name, signal: abort.signal, failures: previous.attempts, previous })) ?? {};
        const finished = now();
        let next = nextRunAfter(definition.schedule, finished);
        if (result.notBefore && new Date(result.notBefore) > next) next = new Date(result.notBefore);
        const summary = result.summary ?? null;
        if (!repo.succeeded(name, owner, { now: iso(finished), nextRunAt: iso(next), result: summary })) {
          options.log?.warn(`job ${name}: finished after its lease was lost; another runner owns it now`);
        }
        return { ran: true, ok: true, summary, nextRunAt: iso(next) };
      } catch (error) {
        const finished = now();
        const message = errorText(error);
        if (stopping && abort.signal.aborted) {
          // Stopped part-way: give the job back still due, so the next process runs it in full.
          repo.release(name, owner);
          return { ran: true, ok: false, error: `stopped: ${message}`, nextRunAt: previous.nextRunAt };
        }
        let next = new Date(
          finished.getTime() + backoffMs(definition.schedule, previous.attempts + 1, definition.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS),
        );
        if (error instanceof RetryLaterError && new Date(error.notBefore) > next) next = new Date(error.notBefore);
        repo.failed(name, owner, { now: iso(finished), nextRunAt: iso(next), error: message });
        options.log?.warn(`job ${name} failed (${previous.attempts + 1} in a row): ${message}; next try ${iso(next)}`);
        return { ran: true, ok: false, error: message, nextRunAt: iso(next) };
      } finally {
        clearInterval(renewal);
        running.delete(name);
        if (started && !stopping) wake();
      }
    })();
    return entry.promise;
  }

  /** Starts every registered job that is due and whose lease is free; returns the runs started. */
  function startDue(): Promise<RunOutcome>[] {
    refreshSources();
    const at = now();
    const leaseFor = (def: JobDefinition) => iso(new Date(at.getTime() + (def.leaseMs ?? DEFAULT_LEASE_MS)));
    const runs: Promise<RunOutcome>[] = [];
    for (const definition of definitions.values()) {
      if (running.has(definition.name) || stopping) continue;
      if (repo.claimDue(definition.name, owner, iso(at), leaseFor(definition))) runs.push(execute(definition));
    }
    return runs;
  }

  /** Runs every due job once and resolves when those runs have ended (tests and the CLI drive the runner with it). */
  function runDue(): Promise<RunOutcome[]> {
    return Promise.all(startDue());
  }

  /** Runs one job now, whatever its schedule (`quash jobs run`); refuses while another run holds it. */
  async function runNow(name: string): Promise<RunOutcome> {
    refreshSources();
    const definition = definitions.get(name);
    if (!definition) return { ran: false, reason: `no job named "${name}" is registered` };
    const inProcess = running.get(name);
    if (inProcess) return inProcess.promise;
    const at = now();
    if (!repo.claimNow(name, owner, iso(at), iso(new Date(at.getTime() + (definition.leaseMs ?? DEFAULT_LEASE_MS))))) {
      const row = repo.find(name);
      return {
        ran: false,
        reason: `it is running in another process (${row?.leaseOwner ?? "unknown"}, lease until ${row?.leaseExpiresAt ?? "?"})`,
      };
    }
    return execute(definition);
  }

  /** Marks a job due now so that the runner (in this process or another) runs it at its next look. */
  function requestRun(name: string): boolean {
    const made = repo.makeDue(name, clock.now());
    if (made && started) wake();
    return made;
  }

  function schedule(delayMs: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, Math.min(delayMs, maxSleepMs)));
    timer.unref();
  }

  function wake(): void {
    schedule(0);
  }

  // One look at the table: start what is due, then sleep until the next job is due (or
  // maxSleepMs, to notice a "run now" made by another process). A run that ends wakes it again.
  function tick(): void {
    timer = null;
    if (!started || stopping) return;
    try {
      startDue();
      const earliest = repo.earliestDue([...definitions.keys()].filter((n) => !running.has(n)));
      schedule(earliest ? new Date(earliest).getTime() - now().getTime() : maxSleepMs);
    } catch (error) {
      // The database was busy or closed under us: look again later rather than stop for good.
      options.log?.warn(`job runner: ${errorText(error)}`);
      schedule(maxSleepMs);
    }
  }

  return {
    owner,
    register,
    unregister,
    /** Adds a function the runner asks, at each look, for the jobs the data calls for now. */
    addSource(source: () => JobDefinition[]): void {
      sources.push(source);
    },
    runDue,
    runNow,
    requestRun,

    /** Every job the table knows, with whether this process registered it and is running it. */
    list(): JobState[] {
      refreshSources();
      return repo.all().map((row) => ({ ...row, registered: definitions.has(row.name), running: running.has(row.name) }));
    },

    /** A summary for a health check: is the runner looking at the table, and is any job overdue or failing. */
    health(graceMs = 5 * 60 * 1000) {
      const at = now().getTime();
      const states = this.list().filter((s) => s.registered);
      const overdue = states.filter((s) => !s.leaseOwner && new Date(s.nextRunAt).getTime() < at - graceMs).map((s) => s.name);
      const failing = states.filter((s) => s.attempts > 0).map((s) => ({ name: s.name, failures: s.attempts, lastError: s.lastError }));
      return { started, owner, jobs: states.length, running: [...running.keys()], overdue, failing };
    },

    start(): void {
      if (started) return;
      started = true;
      stopping = false;
      wake();
    },

    /** Stops looking and waits for the runs in progress; an aborted run gives its job back still due. */
    async stop(graceMs = 10_000): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const inFlight = [...running.values()];
      if (inFlight.length > 0) {
        const waited = Promise.all(inFlight.map((r) => r.promise.catch(() => undefined)));
        const late = await Promise.race([
          waited.then(() => false),
          new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
        ]);
        if (late) {
          for (const r of inFlight) r.abort.abort(new Error("the server is stopping"));
          await waited;
        }
      }
      started = false;
      stopping = false;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
