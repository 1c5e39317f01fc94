import type { Db } from "../../db/client";
import { createEditService } from "../../server/editing/service";
import { createGuardService } from "../../server/review/service";
import { createRecordStore } from "../../server/records/store";
import { testActor, testClock } from "./db";

/** The guard's staff actions on a test database, as a reviewer would take them. */
export function guardOf(db: Db) {
  const store = createRecordStore(db, testClock);
  return createGuardService({ db, store, clock: testClock, editing: createEditService({ db, store, clock: testClock }) });
}

/**
 * Releases every held record, as a reviewer who checked them would: for tests about what the
 * public sees of text that passed review (redacted, never verbatim). Returns how many.
 */
export function releaseAllHolds(db: Db): number {
  const guard = guardOf(db);
  const open = guard.repo.holds({ status: "held" });
  for (const hold of open) guard.release(hold.id, "checked by the test", testActor);
  return open.length;
}
