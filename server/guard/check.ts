import { createHmac } from "node:crypto";
import type { Db } from "../../db/client";
import { detectProtected } from "../privacy/detect";
import { holdsBack } from "../privacy/findings";
import { findTerms } from "../privacy/never-publish";
import { PUBLIC_FIELDS } from "../privacy/projection";
import type { EditableType } from "../records/tables";
import type { GuardFinding } from "./findings";
import { createGuardRepository } from "./repository";
import { privateTextsThatPublish } from "./texts";

type Row = Record<string, unknown>;

export type GuardWrite = {
  db: Db;
  now: string;
  type: EditableType;
  row: Row;
  actor: { userId: number | null; label: string };
  /** The record's link rows as written (a subpoena's demands): printed on public pages too. */
  links?: Record<string, unknown>;
  /** The case the record belongs to, for the review list. */
  caseId: number | null;
};

/** The texts of a record the public could read: its allow-listed text, its link texts, and what its file publishes. */
export function textsOf(db: Db, type: EditableType, row: Row, links?: Record<string, unknown>): { field: string; text: string }[] {
  const texts: { field: string; text: string }[] = [];
  for (const field of PUBLIC_FIELDS[type] as readonly string[]) {
    const value = row[field];
    if (typeof value === "string" && value !== "") texts.push({ field, text: value });
  }
  for (const [name, value] of Object.entries(links ?? {})) {
    if (!Array.isArray(value)) continue;
    value.forEach((item, i) => {
      if (typeof item === "string" && item !== "") texts.push({ field: `$links.${name}.${i}`, text: item });
    });
  }
  texts.push(...privateTextsThatPublish(db, type, row));
  return texts;
}

/** What the guard finds in a record's texts: FRCP 5.2 material and never-publish terms. */
export function scanTexts(
  texts: { field: string; text: string }[],
  salt: string,
  terms: { digest: string; wordCount: number }[],
): GuardFinding[] {
  const fingerprint = (field: string, kind: string, matched: string) =>
    createHmac("sha256", salt).update(`${field}\u0000${kind}\u0000${matched}`).digest("hex");
  const findings: GuardFinding[] = [];
  for (const { field, text } of texts) {
    for (const f of detectProtected(text).filter(holdsBack)) {
      findings.push({
        field,
        kind: f.kind,
        start: f.start,
        end: f.end,
        fingerprint: fingerprint(field, f.kind, text.slice(f.start, f.end)),
      });
    }
    for (const m of findTerms(text, salt, terms)) {
      findings.push({
        field,
        kind: "never-publish",
        start: m.start,
        end: m.end,
        fingerprint: fingerprint(field, "never-publish", m.digest),
      });
    }
  }
  return findings;
}

/**
 * The publication guard at the one place every write passes: the record store calls this in
 * the write's transaction for every create, update, restore and revert, whoever writes (a
 * form, the write API, a PACER import, RSS or e-mail intake, an upload, the CLI). A record
 * whose public text holds something new — not already released or redacted by a person — is
 * held: not public until a person releases or redacts it. The hold's findings follow the
 * record's current text on every later write.
 */
export function guardRecordWrite(write: GuardWrite): GuardFinding[] {
  const repo = createGuardRepository(write.db);
  const terms = repo.activeTerms();
  const texts = textsOf(write.db, write.type, write.row, write.links);
  if (texts.length === 0) return [];
  const salt = repo.salt(write.now);
  const recordId = String(write.row.id);
  const found = scanTexts(texts, salt, terms);
  const settled = found.length > 0 ? repo.settledFingerprints(write.type, recordId) : new Set<string>();
  const findings = found.filter((f) => !settled.has(f.fingerprint));
  const open = repo.openHold(write.type, recordId);
  if (open) repo.updateFindings(open.id, findings);
  else if (findings.length > 0) {
    repo.insertHold({
      recordType: write.type,
      recordId,
      caseId: write.caseId,
      findings,
      heldAt: write.now,
      heldBy: write.actor.label,
      heldByUserId: write.actor.userId,
    });
  }
  return findings;
}
