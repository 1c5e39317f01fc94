/*
 * A delivery worker in a process of its own, for the test that kills it with SIGKILL mid-queue
 * (test/alerts/worker-kill.test.ts): it sends what is due on the database named by
 * QUASH_DB, one pass after another, until it is killed.
 */
import { openDatabase } from "../../db/client";
import { createDeliveryWorker } from "../../server/alerts/worker";
import { systemClock } from "../../server/shared/clock";

const db = openDatabase(process.env.QUASH_DB!);
const worker = createDeliveryWorker({ db, clock: systemClock, publicUrl: "http://127.0.0.1:3000", mailer: null, owner: "child" });
process.stdout.write("ready\n");
for (;;) {
  await worker.runOnce();
  await new Promise((r) => setTimeout(r, 50));
}
