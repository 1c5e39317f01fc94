import type { JobDefinition } from "../jobs/runner";
import type { JobDeps } from "../jobs/catalogue";
import { createSmtpMailer } from "./mailer";
import { createDeliveryWorker } from "./worker";
import { anyRecipients } from "./recipients";
import type { Db } from "../../db/client";

/** Whether the delivery job is wanted: while someone follows something, or deliveries still wait. */
export function alertsWanted(db: Db): boolean {
  return anyRecipients(db);
}

export const ALERT_DELIVERY_JOB = "alert-deliveries";

/**
 * The delivery worker as a job on the durable runner: every 10 s, in whichever server process
 * holds the job's lease, it sends what is due. "Immediate" alerts therefore go out within
 * about 10 s of the write; a digest at its hour.
 */
export function alertDeliveryJob(deps: JobDeps): JobDefinition {
  const mailer = deps.config.smtp ? createSmtpMailer(deps.config.smtp, deps.config.mailFrom) : null;
  const worker = createDeliveryWorker({ db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, mailer, log: deps.log });
  return {
    name: ALERT_DELIVERY_JOB,
    schedule: { everyMs: 10_000 },
    leaseMs: 5 * 60_000,
    maxBackoffMs: 5 * 60_000,
    run: async ({ signal }) => {
      const r = await worker.runOnce(signal);
      const total = r.sent + r.retried + r.failed + r.dropped + r.postponed;
      return total === 0
        ? {}
        : { summary: `${r.sent} sent, ${r.retried} to retry, ${r.failed} failed, ${r.dropped} not sent, ${r.postponed} waiting` };
    },
  };
}
