import type { PublicRecord } from "../privacy/projection";

export type CaseStatus = { label: string; tone: "ok" | "warn" | "muted" | "accent"; detail: string | null };

/**
 * A case's status, derived from the record: closed when terminated, otherwise from its
 * motions. The source's own words (statusNote) are kept beside it as the detail.
 */
export function deriveCaseStatus(
  kase: Pick<PublicRecord<"case">, "dateTerminated" | "statusNote">,
  motions: Pick<PublicRecord<"motion">, "status">[],
): CaseStatus {
  const detail = kase.statusNote ?? null;
  if (kase.dateTerminated) return { label: "Closed", tone: "muted", detail };
  if (motions.some((m) => m.status === "pending")) return { label: "Motion pending", tone: "warn", detail };
  if (motions.length > 0 && motions.every((m) => m.status !== "unknown")) {
    return { label: "No motion pending", tone: "ok", detail };
  }
  return { label: "Status unknown", tone: "muted", detail };
}
