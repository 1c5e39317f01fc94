import { databaseImage, openDatabase, openDatabaseImage, type Db } from "../../db/client";
import { fixedClock } from "../../server/shared/clock";
import { createRecordStore } from "../../server/records/store";

/** The fixed "today" of every test: 2026-11-21, noon in San Francisco. */
export const TEST_NOW = "2026-11-21T20:00:00.000Z";
export const testClock = fixedClock(TEST_NOW);
export const testActor = { userId: null, label: "test" };

let migrated: Buffer | undefined;

/**
 * A fresh in-memory database with the real migrations. They run once per test process (about
 * 40 ms on a loaded machine); every test then gets its own copy of the result (0.2 ms).
 */
export function createTestDb(): Db {
  migrated ??= migratedImage();
  return openDatabaseImage(migrated);
}

function migratedImage(): Buffer {
  const db = openDatabase(":memory:");
  try {
    return databaseImage(db);
  } finally {
    db.$client.close();
  }
}

export function createTestStore(db: Db = createTestDb()) {
  return { db, store: createRecordStore(db, testClock) };
}
