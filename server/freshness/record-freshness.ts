import type { Db } from "../../db/client";
import type { PacerKind } from "../pacer";
import { createFreshnessRepository } from "./repository";

/**
 * What an import tells about how current its cases are: a docket report is the full docket as
 * of its date, a notice is one filing's arrival. Called by the importer inside the import's
 * transaction, so every import path (upload, CLI, RSS poll, NEF mailbox) records it; the RSS
 * poll records its own check and item times.
 */
export function recordFreshness(db: Db, kind: PacerKind, caseIds: number[], at: { now: string; reportDate: string | null }): void {
  if (kind === "rss") return;
  const repo = createFreshnessRepository(db);
  for (const caseId of caseIds) {
    if (kind === "docket") repo.touchFreshness(caseId, { lastDocketReportAt: at.now, lastDocketReportDate: at.reportDate });
    else repo.touchFreshness(caseId, { lastNefAt: at.now });
  }
}
