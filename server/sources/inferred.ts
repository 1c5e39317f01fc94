import type { Citation } from "./markers";

/** What a template needs to print an "inferred" badge with the reason on hover and for screen readers. */
export type InferredView = { reason: string } | null;

/**
 * Whether a fact is inferred rather than stated, and why. A citation of the whole record
 * (no field) that is marked inferred counts for every fact of it; reasons are joined.
 */
export function inferredView(citations: Citation[] | undefined, field?: string): InferredView {
  const inferred = (citations ?? []).filter((c) => c.inferred && (c.field === null || c.field === field));
  if (inferred.length === 0) return null;
  const reasons = [...new Set(inferred.map((c) => c.inferredReason).filter((r): r is string => Boolean(r)))];
  return { reason: reasons.length ? reasons.join(" ") : "Derived from other sourced facts; see the source." };
}
