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
    findings: z.array(
      z.object({
        field: z.string(),
        kind: z.string(),
        label: z.string(),
        rule: z.string(),
        start: z.number().int(),
        end: z.number().int(),
      }),
    ),
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

/** What a staff page of a held record says above everything (views/partials/not-public-banner.hbs). */
export type HeldBanner = { text: string; href: string; label: string };

/** The banner of a held record's staff pages (its form, its history), or null when it is not held. */
export function heldBannerOf(repo: GuardRepository, type: string, id: string | number): HeldBanner | null {
  const hold = repo.openHold(type, String(id));
  if (!hold) return null;
  const what = [...new Set(hold.findings.map((f) => `${guardKindLabel(f.kind).label} in ${fieldLabel(f.field)}`))].join("; ");
  return {
    text: `Held for review by the publication guard${what ? ` (${what})` : ""}: the public sees nothing of it until a staff member releases or redacts it.`,
    href: paths.staffReviewHold(hold.id),
    label: "Review it",
  };
}

/** The banner of a case's staff page when records of the case are held, or null. */
export function heldInCaseBannerOf(repo: GuardRepository, caseId: number): HeldBanner | null {
  const n = repo.openHoldCount(caseId);
  if (n === 0) return null;
  return {
    text: `${n === 1 ? "1 record" : `${n} records`} of this case ${n === 1 ? "is" : "are"} held for review by the publication guard: not public until a staff member releases or redacts ${n === 1 ? "it" : "each"}.`,
    href: paths.staffReview(),
    label: "Held for review",
  };
}
