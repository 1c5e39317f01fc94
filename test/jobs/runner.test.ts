import { afterEach, describe, expect, it } from "vitest";
import { createJobsRepository } from "../../server/jobs/repository";
import { createJobRunner, RetryLaterError, type JobDefinition } from "../../server/jobs/runner";
import { createTestDb } from "../support/db";
import { movableClock } from "./support/clock";

const START = "2026-11-21T20:00:00.000Z";
const MIN = 60_000;

function setup(owner = "runner-a") {
  const db = createTestDb();
  const clock = movableClock(START);
  const runner = createJobRunner({ db, clock, owner });
  return { db, clock, runner, repo: createJobsRepository(db) };
}

function countingJob(name: string, overrides: Partial<JobDefinition> = {}) {
  const calls: number[] = [];
  const def: JobDefinition = { name, schedule: { everyMs: 15 * MIN }, run: () => void calls.push(calls.length + 1), ...overrides };
  return { def, calls };
}

describe("job runner: schedule", () => {
  it("runs a new job at once, records the success, and waits one interval before the next run", async () => {
    const { runner, clock, repo } = setup();
    const { def, calls } = countingJob("poll", { run: () => ({ summary: "2 new entries" }) });
    runner.register(def);
    const [outcome] = await runner.runDue();
    expect(outcome).toMatchObject({ ran: true, ok: true, summary: "2 new entries", nextRunAt: "2026-11-21T20:15:00.000Z" });
    const row = repo.find("poll")!;
    expect(row).toMatchObject({
      schedule: "every 900s",
      lastSuccessAt: START,
      lastResult: "2 new entries",
      attempts: 0,
      runCount: 1,
      leaseOwner: null,
      leaseExpiresAt: null,
    });

    expect(await runner.runDue()).toEqual([]);
    clock.advance(14 * MIN);
    expect(await runner.runDue()).toEqual([]);
    clock.advance(1 * MIN);
    expect(await runner.runDue()).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it("a job registered with firstRun 'scheduled' waits for its first cron time, read in its zone", async () => {
    const { runner, repo } = setup();
    runner.register({
      name: "backup",
      schedule: { cron: "0 3 * * *", timeZone: "America/Los_Angeles" },
      firstRun: "scheduled",
      run: () => {},
    });
    expect(repo.find("backup")!.nextRunAt).toBe("2026-11-22T11:00:00.000Z");
    expect(await runner.runDue()).toEqual([]);
  });

  it("refuses an interval under a second and a cron pattern croner cannot read", () => {
    const { runner } = setup();
    expect(() => runner.register({ name: "x", schedule: { everyMs: 10 }, run: () => {} })).toThrow(/at least 1 s/);
    expect(() => runner.register({ name: "y", schedule: { cron: "every night" }, run: () => {} })).toThrow(/cannot read the cron pattern/);
  });

  it("keeps the schedule across a restart: a new runner on the same database does not run a job that is not due", async () => {
    const { db, runner, clock } = setup();
    const first = countingJob("poll");
    runner.register(first.def);
    await runner.runDue();
    const restarted = createJobRunner({ db, clock, owner: "runner-b" });
    const second = countingJob("poll");
    restarted.register(second.def);
    clock.advance(5 * MIN);
    expect(await restarted.runDue()).toEqual([]);
    clock.advance(10 * MIN);
    expect(await restarted.runDue()).toHaveLength(1);
    expect([first.calls.length, second.calls.length]).toEqual([1, 1]);
  });

  it("a job that fell due while no process was running is run at the next start, not skipped", async () => {
    const { db, runner, clock } = setup();
    runner.register(countingJob("poll").def);
    await runner.runDue();
    clock.advance(3 * 60 * MIN); // the server was down for three hours
    const restarted = createJobRunner({ db, clock, owner: "runner-b" });
    const job = countingJob("poll");
    restarted.register(job.def);
    expect(await restarted.runDue()).toHaveLength(1);
    expect(await restarted.runDue()).toEqual([]);
    expect(job.calls).toHaveLength(1);
  });
});

describe("job runner: failures", () => {
  it("backs off exponentially from the interval, keeps the error in words, and resets on success", async () => {
    const { runner, clock, repo } = setup();
    let fail = true;
    runner.register({
      name: "poll",
      schedule: { everyMs: 15 * MIN },
      run: () => {
        if (fail) throw new Error("the court's feed answered 500 Internal Server Error");
      },
    });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [outcome] = await runner.runDue();
      expect(outcome).toMatchObject({ ran: true, ok: false, error: "the court's feed answered 500 Internal Server Error" });
      const next = new Date(repo.find("poll")!.nextRunAt).getTime();
      waits.push((next - new Date(clock.now()).getTime()) / MIN);
      clock.set(new Date(next).toISOString());
    }
    expect(waits).toEqual([30, 60, 120, 240, 360, 360]);
    expect(repo.find("poll")).toMatchObject({
      attempts: 6,
      lastError: "the court's feed answered 500 Internal Server Error",
      leaseOwner: null,
    });

    fail = false;
    await runner.runDue();
    const row = repo.find("poll")!;
    expect(row.attempts).toBe(0);
    expect(row.lastSuccessAt).toBe(clock.now());
    // The last error stays visible, dated, after the recovery.
    expect(row.lastError).toMatch(/500/);
    expect(row.lastErrorAt! < row.lastSuccessAt!).toBe(true);
  });

  it("honours a Retry-After later than the backoff", async () => {
    const { runner, repo } = setup();
    runner.register({
      name: "poll",
      schedule: { everyMs: 15 * MIN },
      run: () => {
        throw new RetryLaterError("the court's feed answered 429 Too Many Requests", "2026-11-21T23:00:00.000Z");
      },
    });
    await runner.runDue();
    expect(repo.find("poll")!.nextRunAt).toBe("2026-11-21T23:00:00.000Z");
  });

  it("a success may ask for its next run no earlier than a given time", async () => {
    const { runner, repo } = setup();
    runner.register({ name: "poll", schedule: { everyMs: 15 * MIN }, run: () => ({ notBefore: "2026-11-21T21:00:00.000Z" }) });
    await runner.runDue();
    expect(repo.find("poll")!.nextRunAt).toBe("2026-11-21T21:00:00.000Z");
  });

  it("cuts a long error to its first line", async () => {
    const { runner, repo } = setup();
    runner.register({
      name: "poll",
      schedule: { everyMs: 15 * MIN },
      run: () => {
        throw new Error(`first line\n${"stack ".repeat(500)}`);
      },
    });
    await runner.runDue();
    expect(repo.find("poll")!.lastError).toBe("first line");
  });
});

describe("job runner: leases", () => {
  it("does not run a job whose lease another process holds, and takes it once that lease has expired (the holder crashed)", async () => {
    const { db, runner, clock, repo } = setup();
    const job = countingJob("poll", { leaseMs: 2 * MIN });
    runner.register(job.def);
    // A process that crashed mid-run: it took the lease and never gave it back.
    expect(repo.claimDue("poll", "crashed-process", clock.now(), new Date(new Date(clock.now()).getTime() + 2 * MIN).toISOString())).toBe(
      true,
    );
    expect(await runner.runDue()).toEqual([]);
    const other = await runner.runNow("poll");
    expect(other).toEqual({ ran: false, reason: expect.stringContaining("crashed-process") });
    clock.advance(2 * MIN);
    expect(await runner.runDue()).toHaveLength(1);
    expect(job.calls).toHaveLength(1);
    expect(repo.find("poll")!.leaseOwner).toBeNull();
    void db;
  });

  it("a run that outlives its lease (taken by another runner) does not overwrite the other's schedule", async () => {
    const { db, clock, repo } = setup();
    const a = createJobRunner({ db, clock, owner: "a" });
    let release!: () => void;
    a.register({ name: "poll", schedule: { everyMs: 15 * MIN }, leaseMs: 60_000, run: () => new Promise<void>((r) => (release = r)) });
    const running = a.runDue();
    clock.advance(61_000);
    const b = createJobRunner({ db, clock, owner: "b" });
    b.register({ name: "poll", schedule: { everyMs: 15 * MIN }, run: () => ({ summary: "b ran" }) });
    await b.runDue();
    const afterB = repo.find("poll")!;
    release();
    await running;
    expect(repo.find("poll")).toEqual(afterB);
    expect(afterB.lastResult).toBe("b ran");
  });

  it("runNow runs a job before it is due; requestRun makes it due for whichever runner looks next", async () => {
    const { runner, repo, clock } = setup();
    const job = countingJob("poll");
    runner.register(job.def);
    await runner.runDue();
    expect(await runner.runNow("poll")).toMatchObject({ ran: true, ok: true });
    expect(job.calls).toHaveLength(2);
    expect(runner.requestRun("poll")).toBe(true);
    expect(repo.find("poll")!.nextRunAt).toBe(clock.now());
    expect(await runner.runDue()).toHaveLength(1);
    expect(await runner.runNow("nope")).toEqual({ ran: false, reason: 'no job named "nope" is registered' });
  });

  it("stopping mid-run gives the job back still due, so the next process runs it in full", async () => {
    const { db, runner, clock, repo } = setup();
    runner.register({
      name: "poll",
      schedule: { everyMs: 15 * MIN },
      run: ({ signal }) => new Promise<void>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    });
    runner.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(repo.find("poll")!.leaseOwner).toBe("runner-a");
    await runner.stop(10);
    const row = repo.find("poll")!;
    expect(row).toMatchObject({ leaseOwner: null, attempts: 0, lastError: null, nextRunAt: START });
    const next = createJobRunner({ db, clock, owner: "runner-b" });
    const job = countingJob("poll");
    next.register(job.def);
    expect(await next.runDue()).toHaveLength(1);
  });
});

describe("job runner: jobs that follow the data", () => {
  it("asks its sources at each look, adds their jobs, and drops the ones no longer wanted (their rows stay)", async () => {
    const { runner, clock } = setup();
    let courts = ["cand"];
    const ran: string[] = [];
    runner.addSource(() => courts.map((c) => ({ name: `rss-poll:${c}`, schedule: { everyMs: 15 * MIN }, run: () => void ran.push(c) })));
    await runner.runDue();
    courts = ["cand", "nysd"];
    await runner.runDue();
    expect(ran).toEqual(["cand", "nysd"]);
    courts = ["nysd"];
    clock.advance(15 * MIN);
    await runner.runDue();
    expect(ran).toEqual(["cand", "nysd", "nysd"]);
    expect(runner.list().map((j) => [j.name, j.registered])).toEqual([
      ["rss-poll:cand", false],
      ["rss-poll:nysd", true],
    ]);
  });

  it("reports its health: started, failing and overdue jobs", async () => {
    const { runner, clock } = setup();
    runner.register({
      name: "bad",
      schedule: { everyMs: MIN * 15 },
      run: () => {
        throw new Error("bad credentials");
      },
    });
    runner.register({ name: "late", schedule: { everyMs: MIN * 15 }, run: () => {} });
    await runner.runNow("bad");
    clock.advance(10 * MIN);
    const health = runner.health();
    expect(health).toMatchObject({
      started: false,
      owner: "runner-a",
      jobs: 2,
      running: [],
      overdue: ["late"],
      failing: [{ name: "bad", failures: 1, lastError: "bad credentials" }],
    });
  });
});

afterEach(() => undefined);
