import type { Db } from "../../db/client";
import { PacerInputError } from "../pacer";
import type { Clock } from "../shared/clock";
import { prepareFile, sha256Of } from "../imports/input";
import { storeFileBytes } from "../imports/provenance";
import { failureMessage, mergePreparedFile } from "../imports/service";
import { createNefIntakeRepository, type NefMessageRow } from "./repository";
import { readMailbox, type MailboxMessage, type MailboxSettings } from "./mailbox";

/**
 * The NEF mailbox, read: each new message is imported through the importer (so a case it
 * creates arrives as every import path makes it) or, when it is not a notice the parser reads,
 * filed for staff review with the reason. The message's row (Message-ID, SHA-256) is written in
 * the same transaction as its merge, so a message is imported once, even when it is moved back
 * into the folder or delivered twice.
 */

export type IntakeDeps = { db: Db; clock: Clock; dataDir: string; signal?: AbortSignal };

export type IntakeSummary = {
  read: number;
  imported: number;
  review: number;
  alreadyProcessed: number;
  entriesCreated: number;
  casesCreated: number;
};

export function intakeSummaryText(s: IntakeSummary): string {
  if (s.read === 0) return "no new messages";
  const parts = [
    `${s.read} message${s.read === 1 ? "" : "s"} read`,
    `${s.imported} imported (${s.entriesCreated} entries, ${s.casesCreated} cases created)`,
  ];
  if (s.review > 0) parts.push(`${s.review} filed for review`);
  if (s.alreadyProcessed > 0) parts.push(`${s.alreadyProcessed} already processed`);
  return parts.join("; ");
}

/** Processes one message; returns what became of it. Synchronous apart from the parse. */
export async function processMessage(
  deps: IntakeDeps,
  folder: string,
  message: MailboxMessage,
): Promise<{ outcome: "imported" | "review" | "already"; row: NefMessageRow; entriesCreated: number; casesCreated: number }> {
  const repo = createNefIntakeRepository(deps.db);
  const sha256 = sha256Of(message.bytes);
  // The same bytes; or the same message delivered again with other headers (same Message-ID, Date
  // and Subject). A Message-ID alone is not enough: some senders reuse one for every message.
  const sameMessage = message.messageId
    ? repo
        .nefMessagesById(message.messageId)
        .find((m) => m.sentAt === message.sentAt && m.subject === (message.subject?.slice(0, 500) ?? null))
    : undefined;
  const known = repo.nefMessageByHash(sha256) ?? sameMessage;
  if (known) return { outcome: "already", row: known, entriesCreated: 0, casesCreated: 0 };

  const now = deps.clock.now();
  const base = {
    messageId: message.messageId,
    sha256,
    folder,
    uid: message.uid,
    subject: message.subject?.slice(0, 500) ?? null,
    sender: message.sender?.slice(0, 300) ?? null,
    sentAt: message.sentAt,
    processedAt: now,
  };
  const fileName = `nef-${message.uid}.eml`;
  let prepared;
  try {
    prepared = await prepareFile(message.bytes, fileName);
  } catch (error) {
    if (!(error instanceof PacerInputError)) throw error;
    // Kept so staff can open it from the review list.
    storeFileBytes(deps.dataDir, sha256, message.bytes);
    const row = repo.insertNefMessage({ ...base, outcome: "review", reason: error.message, storedSha256: sha256 });
    return { outcome: "review", row, entriesCreated: 0, casesCreated: 0 };
  }
  if (prepared.kind !== "nef") {
    storeFileBytes(deps.dataDir, sha256, message.bytes);
    const row = repo.insertNefMessage({
      ...base,
      outcome: "review",
      reason: `the e-mail carries a ${prepared.kind === "docket" ? "docket report" : "feed"}, not a Notice of Electronic Filing; import it from the import page if it belongs in the record`,
      storedSha256: sha256,
    });
    return { outcome: "review", row, entriesCreated: 0, casesCreated: 0 };
  }

  storeFileBytes(deps.dataDir, prepared.sha256, prepared.bytes);
  try {
    return deps.db.transaction(() => {
      const report = mergePreparedFile(deps.db, prepared, {
        actor: { userId: null, label: "NEF mailbox" },
        clock: deps.clock,
        dataDir: deps.dataDir,
      });
      const row = repo.insertNefMessage({
        ...base,
        outcome: "imported",
        reason: report.status === "already-imported" ? `the same notice was already imported as import #${report.previousImportId}` : null,
        importId: report.importId ?? report.previousImportId,
        storedSha256: prepared.sha256,
      });
      return {
        outcome: "imported" as const,
        row,
        entriesCreated: report.counts.entry?.created ?? 0,
        casesCreated: report.counts.case?.created ?? 0,
      };
    });
  } catch (error) {
    // The merge rolled back; the message is filed for review with why, and not tried again by itself.
    const row = repo.insertNefMessage({ ...base, outcome: "review", reason: failureMessage(error), storedSha256: prepared.sha256 });
    return { outcome: "review", row, entriesCreated: 0, casesCreated: 0 };
  }
}

export async function runIntake(deps: IntakeDeps, settings: MailboxSettings): Promise<IntakeSummary> {
  const summary: IntakeSummary = { read: 0, imported: 0, review: 0, alreadyProcessed: 0, entriesCreated: 0, casesCreated: 0 };
  await readMailbox(
    settings,
    async (message) => {
      const result = await processMessage(deps, settings.folder, message);
      summary.read++;
      if (result.outcome === "imported") summary.imported++;
      else if (result.outcome === "review") summary.review++;
      else summary.alreadyProcessed++;
      summary.entriesCreated += result.entriesCreated;
      summary.casesCreated += result.casesCreated;
    },
    deps.signal,
  );
  return summary;
}
