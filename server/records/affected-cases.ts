import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { EditableType } from "./tables";

/**
 * The cases whose pages show a record. Records that belong to one case say so directly or
 * through their parent; anything shared across cases (judges, sources, subpoenas…) returns
 * "all", because it can appear on any page. So does a case itself: its caption and whether it
 * is public at all show on the pages of its related cases, its subpoenas and its judges, and
 * an unpublished case must leave every one of them in the same request.
 */
export function affectedCases(db: Db, type: EditableType, row: Record<string, unknown>): number[] | "all" {
  const caseId = (id: unknown) => (typeof id === "number" ? [id] : []);
  switch (type) {
    case "entry":
    case "party":
    case "motion":
    case "order":
    case "hearing":
      return caseId(row.caseId);
    case "deadline":
      return row.caseId == null ? "all" : caseId(row.caseId);
    case "representation": {
      const party = db
        .select({ caseId: s.parties.caseId })
        .from(s.parties)
        .where(eq(s.parties.id, Number(row.partyId)))
        .get();
      return caseId(party?.caseId);
    }
    case "document": {
      const entry = db
        .select({ caseId: s.docketEntries.caseId })
        .from(s.docketEntries)
        .where(eq(s.docketEntries.id, Number(row.entryId)))
        .get();
      return caseId(entry?.caseId);
    }
    default:
      return "all";
  }
}
