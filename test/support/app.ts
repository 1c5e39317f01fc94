import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig, type Config } from "../../server/config";
import { createTestDb, testClock } from "./db";

/** A fresh app on a fresh in-memory database; close it in afterEach. */
export async function buildTestApp(
  options: { db?: Db; config?: Partial<Config>; logStream?: { write(line: string): void } } = {},
): Promise<{ app: FastifyInstance; db: Db }> {
  const db = options.db ?? createTestDb();
  const app = await buildApp({ config: testConfig(options.config), db, clock: testClock, logStream: options.logStream });
  await app.ready();
  return { app, db };
}

/** An app whose log (JSON lines, level info) is kept in `lines`, for tests of what reaches the log. */
export async function buildLoggedTestApp(options: { db?: Db; config?: Partial<Config> } = {}) {
  const lines: Record<string, unknown>[] = [];
  const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  const built = await buildTestApp({ ...options, config: { logLevel: "info", ...options.config }, logStream });
  return { ...built, log: lines };
}
