/**
 * Whether the public may see a record at all, and if not, why. Beside the projection
 * (projection.ts), which decides which *fields* of a public record the public sees, this
 * decides which *records* reach a public surface: pages and the page cache, feeds, calendars,
 * the API, search, exports, the sitemap. Every public loader asks here (or through the SQL
 * twin of these rules in server/records/public-scope.ts), so the rules are written once.
 *
 * A record is kept from the public for one of these causes:
 * - `deleted`: staff hid it; it stays in the database and can be restored;
 * - `sealed`: sealed by staff after the fact, citing the court's order (server/publication/
 *   seals.ts). A sealed case is hidden like an unpublished one; a sealed entry, document or
 *   party name stays in its place as a placeholder (number, date, "SEALED"; "Sealed party")
 *   through the projection, its own text never leaving the server;
 * - `unpublished`: a case no one has published yet (an import, intake, a new case from a form
 *   or the write API), and everything of it: entries, parties, counsel, motions, orders,
 *   hearings, deadlines, events, the source its import made. Staff publish it with a reason;
 * - `held`: the publication guard found in its text what FRCP 5.2 protects or a term of a
 *   never-publish list (server/guard); it stays held until a person releases or redacts it.
 *   Holds live in their own table (publication_holds), so this cause is read in SQL
 *   (public-scope.ts: notHeld, publicRow, publicCase) rather than from the row.
 *
 * Everything a case holds follows its case: a record of a case that is not public is not
 * public either, whatever its own state.
 */
export type NotPublicCause = "deleted" | "sealed" | "unpublished" | "held";

/** The fields of a case these rules read. */
export type CaseVisibility = { deletedAt: string | null; published: boolean; sealed: boolean };

/** Why the public may not see the case, or null when it may. A court's seal outranks staff not having published it yet. */
export function caseNotPublicCause(row: CaseVisibility): NotPublicCause | null {
  if (row.deletedAt) return "deleted";
  if (row.sealed) return "sealed";
  if (!row.published) return "unpublished";
  return null;
}

export function isPublicCase(row: CaseVisibility): boolean {
  return caseNotPublicCause(row) === null;
}

/** Why the public may not see a record of a case: its own deletion first, then its case's cause. */
export function recordOfCaseNotPublicCause(
  row: { deletedAt: string | null },
  kase: CaseVisibility | null | undefined,
): NotPublicCause | null {
  if (row.deletedAt) return "deleted";
  return kase ? caseNotPublicCause(kase) : null;
}
