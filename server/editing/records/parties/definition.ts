import { defineRecord, idSetLink } from "../../definition";
import { PartyCreate, PartyUpdate } from "./schema";

// Parties of a case, as the docket names them.
// What the write service checks, derives and updates for this record type.

export const party = defineRecord({
  type: "party",
  plural: "parties",
  label: "party",
  tag: "cases",
  parent: "case",
  create: PartyCreate,
  update: PartyUpdate,
  refs: { organizationId: { type: "organization" } },
  links: idSetLink("accountIds", "partyAccounts", { type: "account", label: "account" }),
});
