import type { Db } from "../../db/client";
import { loadCaseSummaries } from "../cases/loaders";
import { loadSubpoenaSummaries } from "../subpoenas/loaders";

/** A subpoena's or case's status as the public sees it now: the status line of its page. */
export type StatusLine = { subject: "subpoena" | "case"; subjectId: number; key: string; label: string; line: string };

/** Every public subpoena's and case's current status, derived as their pages derive it. */
export function currentStatuses(db: Db): StatusLine[] {
  const out: StatusLine[] = [];
  for (const sp of loadSubpoenaSummaries(db)) {
    out.push({ subject: "subpoena", subjectId: sp.subpoena.id, key: sp.status.key, label: sp.status.label, line: sp.status.line });
  }
  for (const c of loadCaseSummaries(db)) {
    const line = c.status.detail ? `${c.status.label} — ${c.status.detail}` : c.status.label;
    out.push({ subject: "case", subjectId: c.case.id, key: c.status.label, label: c.status.label, line });
  }
  return out;
}
