import { intakeSummaryText, runIntake } from "../nef-intake/intake";
import { createNefIntakeRepository } from "../nef-intake/repository";
import { resolveMailbox } from "../nef-intake/settings";
import type { JobDeps } from "./catalogue";
import type { JobDefinition } from "./runner";

export const NEF_INTAKE_JOB = "nef-intake";

/** The mailbox job (the reading itself is server/nef-intake/intake.ts), while a mailbox is configured and enabled (in the environment or on the settings page). */
export function nefIntakeJobs(deps: JobDeps): () => JobDefinition[] {
  const repo = createNefIntakeRepository(deps.db);
  return () => {
    const mailbox = resolveMailbox(deps.config, repo);
    if (!mailbox || !mailbox.enabled) return [];
    return [
      {
        name: NEF_INTAKE_JOB,
        schedule: { everyMs: mailbox.intervalMinutes * 60_000 },
        leaseMs: 5 * 60_000,
        run: async ({ signal }) => {
          // Read again at run time: the settings may have changed since the runner looked.
          const current = resolveMailbox(deps.config, repo);
          if (!current) return { summary: "no mailbox is configured any more" };
          if ("problem" in current) throw new Error(current.problem);
          const summary = await runIntake({ db: deps.db, clock: deps.clock, dataDir: deps.config.dataDir, signal }, current.settings);
          return { summary: intakeSummaryText(summary) };
        },
      },
    ];
  };
}
