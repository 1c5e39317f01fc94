import type { Db } from "../../db/client";
import type { RecordInsert } from "../../server/records/tables";
import { insertCase, insertCourt, insertJudge } from "./factories";

/**
 * The case most docket tests start from: Doe v. U.S. Department of Homeland Security,
 * 3:25-mc-80200-TSH in N.D. Cal., assigned to Magistrate Judge Thomas S. Hixson. Override
 * the case's fields a test is about.
 */
export function insertDoeCaseBeforeHixson(db: Db, caseOverrides: Partial<RecordInsert<"case">> = {}) {
  insertCourt(db);
  const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", initials: "TSH" });
  const kase = insertCase(db, {
    slug: "doe-v-dhs",
    courtId: "cand",
    docketNumber: "3:25-mc-80200-TSH",
    caption: "Doe v. U.S. Department of Homeland Security",
    assignedJudgeId: judge.id,
    ...caseOverrides,
  });
  return { judge, kase };
}
