import { defineRecord } from "../../definition";
import { RepresentationCreate, RepresentationUpdate } from "./schema";

// Counsel of record: who represents a party (staff edit it at …/counsel).
// What the write service checks, derives and updates for this record type.

export const representation = defineRecord({
  type: "representation",
  plural: "representations",
  label: "representation",
  tag: "counsel",
  create: RepresentationCreate,
  update: RepresentationUpdate,
  refs: { partyId: { type: "party" }, attorneyId: { type: "attorney" }, organizationId: { type: "organization" } },
  check: (_ctx, row) =>
    !row.attorneyId && !row.organizationId ? [{ path: "attorneyId", message: "is required when there is no organizationId" }] : [],
});
