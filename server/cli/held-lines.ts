import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import type { GuardFinding } from "../guard/findings";
import { fieldLabel, guardKindLabel } from "../guard/findings";
import { paths } from "../paths";

type Held = { type: string; id: string; caseId: number | null; findings: GuardFinding[] };

/**
 * "held entry 12 of case doe-v-dhs: Social Security number in description (characters 28–38)":
 * where each finding sits, never what it says, so the line may go to a terminal or a log.
 */
export function heldLine(db: Db, held: Held): string {
  const slug = held.caseId === null ? undefined : db.select({ slug: cases.slug }).from(cases).where(eq(cases.id, held.caseId)).get()?.slug;
  const places = held.findings.map((f) => `${guardKindLabel(f.kind).label} in ${fieldLabel(f.field)} (characters ${f.start + 1}–${f.end})`);
  return `held ${held.type} ${held.id}${slug ? ` of case ${slug}` : ""}: ${places.join("; ")}`;
}

export const REVIEW_HINT = `Held records are on no public surface until a staff member releases or redacts them at ${paths.staffReview()}.`;
