import type { PublicRecord } from "../privacy/projection";

export type CaseStatus = { label: string; tone: "ok" | "warn" | "muted" | "accent"; detail: string | null };

/**
 * The labels deriveCaseStatus gives, named so that the same rule written in SQL (the
 * overview's groups, server/overview/repository.ts) says exactly these words.
 */
export const CASE_STATUS_LABELS = {
  closed: "Closed",
  pending: "Motion pending",
  none: "No motion pending",
  unknown: "Status unknown",
} as const;

/**
 * A case's status, derived from the record: closed when terminated, otherwise from its
 * motions. The source's own words (statusNote) are kept beside it as the detail.
 */
export function deriveCaseStatus(
  kase: Pick<PublicRecord<"case">, "dateTerminated" | "statusNote">,
  motions: Pick<PublicRecord<"motion">, "status">[],
): CaseStatus {
  const detail = kase.statusNote ?? null;
  if (kase.dateTerminated) return { label: CASE_STATUS_LABELS.closed, tone: "muted", detail };
  if (motions.some((m) => m.status === "pending")) return { label: CASE_STATUS_LABELS.pending, tone: "warn", detail };
  if (motions.length > 0 && motions.every((m) => m.status !== "unknown")) {
    return { label: CASE_STATUS_LABELS.none, tone: "ok", detail };
  }
  return { label: CASE_STATUS_LABELS.unknown, tone: "muted", detail };
}
