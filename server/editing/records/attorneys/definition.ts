import { defineRecord, uniqueSlug } from "../../definition";
import { AttorneyCreate, AttorneyUpdate } from "./schema";
import { slugify } from "../../../shared/slug";

// Attorneys, whom counsel of record are drawn from.
// What the write service checks, derives and updates for this record type.

export const attorney = defineRecord({
  type: "attorney",
  plural: "attorneys",
  label: "attorney",
  tag: "counsel",
  create: AttorneyCreate,
  update: AttorneyUpdate,
  refs: { organizationId: { type: "organization" } },
  unique: ["slug"],
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "attorney", slugify(String(values.name)), null) } : {},
});
