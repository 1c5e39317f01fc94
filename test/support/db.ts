import { openDatabase, type Db } from "../../db/client";
import { fixedClock } from "../../server/shared/clock";
import { createRecordStore } from "../../server/records/store";

/** The fixed "today" of every test: 2026-11-21, noon in San Francisco. */
export const TEST_NOW = "2026-11-21T20:00:00.000Z";
export const testClock = fixedClock(TEST_NOW);
export const testActor = { userId: null, label: "test" };

/** A fresh in-memory database with the real migrations. */
export function createTestDb(): Db {
  return openDatabase(":memory:");
}

export function createTestStore(db: Db = createTestDb()) {
  return { db, store: createRecordStore(db, testClock) };
}
