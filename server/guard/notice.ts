import { z } from "zod";
import { paths } from "../paths";
import { fieldLabel, guardKindLabel } from "./findings";
import type { GuardRepository } from "./repository";

/** A record's open hold as the write API reports it: what and where, never the matched text. */
export const PublicationHoldOut = z
  .object({
    status: z.literal("held"),
    message: z.string(),
    reviewUrl: z.string(),
    findings: z.array(z.object({ field: z.string(), kind: z.string(), label: z.string(), rule: z.string(), start: z.number().int(), end: z.number().int() })),
  })
  .meta({
    id: "PublicationHold",
    description:
      "The record was saved but the publication guard holds it for staff review: it is on no public surface until a staff member releases or redacts it. Null when not held.",
  });

export type PublicationHold = z.infer<typeof PublicationHoldOut>;

/** The hold on a record, if any, for the API and the forms' confirmation. */
export function publicationHoldOf(repo: GuardRepository, type: string, id: string | number): PublicationHold | null {
  const hold = repo.openHold(type, String(id));
  if (!hold) return null;
  const findings = hold.findings.map((f) => ({ field: f.field, kind: f.kind, ...guardKindLabel(f.kind), start: f.start, end: f.end }));
  const what = [...new Set(findings.map((f) => `${f.label} in ${fieldLabel(f.field)}`))].join("; ");
  return {
    status: "held",
    message: `Saved, and held for review: it is not public until a staff member releases or redacts it${what ? ` (${what})` : ""}.`,
    reviewUrl: paths.staffReviewHold(hold.id),
    findings,
  };
}
