import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { openDatabase, type Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { checkHealth } from "../../server/health/checks";
import { testConfig, type Config } from "../../server/config";
import { insertUser } from "../support/auth";
import { createTestDb } from "../support/db";
import { movableClock } from "../jobs/support/clock";

const START = "2026-11-21T20:00:00.000Z";
const MIN = 60_000;

describe("GET /health: the database, the job runner and the last backup", () => {
  let app: FastifyInstance;
  let db: Db;
  let clock: ReturnType<typeof movableClock>;
  let lines: Record<string, unknown>[];
  const dirs: string[] = [];
  afterEach(async () => {
    await app?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function start(overrides: Partial<Config> = {}, database: Db = createTestDb()) {
    db = database;
    clock = movableClock(START);
    lines = [];
    app = await buildApp({
      config: testConfig({ logLevel: "info", ...overrides }),
      db,
      clock,
      logStream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    await app.ready();
  }
  const health = () => app.inject("/health");

  it("tells the public one word per part and nothing else: no paths, no errors, never cached", async () => {
    await start();
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toEqual({ status: "ok", database: "ok", jobs: "off", backup: "off", checkedAt: START });
  });

  it("gives staff (a token of any role) the figures behind each word", async () => {
    await start();
    await insertUser(db, { email: "viewer@example.org", role: "viewer" });
    const token = app.accounts.createToken("viewer@example.org", "monitor").token;
    const body = (await app.inject({ url: "/health", headers: { authorization: `Bearer ${token}` } })).json();
    expect(body.detail.database).toEqual({ file: ":memory:", migrations: { applied: expect.any(Number), shipped: expect.any(Number) } });
    expect(body.detail.database.migrations.applied).toBe(body.detail.database.migrations.shipped);
    expect(body.detail.jobs.runner).toMatchObject({ enabled: false, started: false });
  });

  it("says the runner is stopped when this process should run jobs and does not", async () => {
    await start({ jobRunner: true });
    expect((await health()).json()).toMatchObject({ status: "degraded", jobs: "stopped" });
    app.jobs.start();
    expect((await health()).json()).toMatchObject({ status: "ok", jobs: "ok" });
    await app.jobs.stop();
  });

  it("says a job is failing, and overdue when no runner took it; the error stays out of the public answer", async () => {
    await start();
    app.jobs.register({
      name: "rss-poll:test",
      schedule: { everyMs: 15 * MIN },
      run: () => {
        throw new Error("feed at https://ecf.example/secret answered 500");
      },
    });
    clock.advance(11 * MIN);
    expect((await health()).json()).toMatchObject({ status: "degraded", jobs: "overdue" });
    await app.jobs.runNow("rss-poll:test");
    const res = await health();
    expect(res.json()).toMatchObject({ status: "degraded", jobs: "failing" });
    expect(res.body).not.toContain("secret");
    const warned = lines.find((line) => line["msg"] === "health: degraded" && JSON.stringify(line).includes("answered 500"));
    expect(warned).toBeDefined();
  });

  it("says the backup is pending before its first run, ok after it, and overdue when two intervals pass without one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-health-"));
    dirs.push(dir);
    const file = join(dir, "quash.db");
    await start({ databaseFile: file, backups: { dir: join(dir, "backups"), intervalHours: 1, keep: 3 } }, openDatabase(file));
    expect((await health()).json()).toMatchObject({ status: "ok", backup: "pending" });
    await app.jobs.runDue();
    expect((await health()).json()).toMatchObject({ status: "ok", backup: "ok" });
    clock.advance(2 * 60 * MIN + 11 * MIN);
    expect((await health()).json()).toMatchObject({ status: "degraded", backup: "overdue" });
    await app.close();
    db.$client.close();
    app = undefined as unknown as FastifyInstance;
  });

  it("answers 503 when the database is behind this code's migrations", async () => {
    await start();
    db.$client.exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");
    const res = await health();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "failing", database: "behind" });
  });

  it("says failing, and logs why, when the database does not answer at all", async () => {
    await start();
    const broken = {
      $client: {
        prepare: () => {
          throw new Error("disk I/O error");
        },
      },
    };
    const { summary } = checkHealth(Object.assign(Object.create(app) as FastifyInstance, { db: broken }));
    expect(summary).toMatchObject({ status: "failing", database: "failing", jobs: "off" });
    expect(lines.some((line) => line["msg"] === "health: the database does not answer")).toBe(true);
  });

  it("logs a change of status once, not every poll", async () => {
    await start({ jobRunner: true });
    for (let i = 0; i < 3; i++) await health();
    expect(lines.filter((line) => String(line["msg"]).startsWith("health:")).length).toBe(1);
  });
});
