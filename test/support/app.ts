import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig, type Config } from "../../server/config";
import { createTestDb, testClock } from "./db";

/** A fresh app on a fresh in-memory database; close it in afterEach. */
export async function buildTestApp(options: { db?: Db; config?: Partial<Config> } = {}): Promise<{ app: FastifyInstance; db: Db }> {
  const db = options.db ?? createTestDb();
  const app = await buildApp({ config: testConfig(options.config), db, clock: testClock });
  await app.ready();
  return { app, db };
}
