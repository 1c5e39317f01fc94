import { defineRecord, idSetLink } from "../../definition";
import { ArgumentCreate, ArgumentUpdate } from "./schema";

// Arguments a filing or a motion makes, with the authorities they cite.
// What the write service checks, derives and updates for this record type.

export const argument = defineRecord({
  type: "argument",
  plural: "arguments",
  label: "argument",
  tag: "motions",
  create: ArgumentCreate,
  update: ArgumentUpdate,
  refs: { motionId: { type: "motion" }, entryId: { type: "entry" }, partyId: { type: "party" } },
  links: idSetLink("authorityIds", "argumentAuthorities", { type: "authority", label: "authority" }),
  check(ctx, row) {
    if (!row.motionId && !row.entryId) return [{ path: "motionId", message: "is required when there is no entryId" }];
    // The motion, the filing and the party must all be of one case.
    const caseOf = (type: "motion" | "entry" | "party", id: number | null | undefined) =>
      id ? ctx.repo.byId(type, id)?.caseId : undefined;
    const cases = new Set(
      [caseOf("motion", row.motionId), caseOf("entry", row.entryId), caseOf("party", row.partyId)].filter((c) => c !== undefined),
    );
    return cases.size > 1 ? [{ path: "entryId", message: "must be in the same case as the motion and the party" }] : [];
  },
});
