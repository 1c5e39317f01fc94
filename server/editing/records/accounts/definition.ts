import { defineRecord, uniqueSlug } from "../../definition";
import { AccountCreate, AccountUpdate } from "./schema";
import { slugify } from "../../../shared/slug";

// Accounts a subpoena targets, by public handle only.
// What the write service checks, derives and updates for this record type.

export const account = defineRecord({
  type: "account",
  plural: "accounts",
  label: "account",
  tag: "accounts",
  create: AccountCreate,
  update: AccountUpdate,
  refs: { platformId: { type: "organization" } },
  unique: ["slug"],
  prepare: (ctx, values, current) =>
    current === null && !values.slug && (values.handle || values.displayName)
      ? { slug: uniqueSlug(ctx, "account", slugify(String(values.handle ?? values.displayName)), null) }
      : {},
  check: (_ctx, row) => (!row.handle && !row.displayName ? [{ path: "handle", message: "is required when there is no displayName" }] : []),
});
