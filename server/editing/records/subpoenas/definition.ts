import { dateOrderErrors, defineLinks, defineRecord, fuzzyDateErrors, memberErrors, normalizeLinks, uniqueSlug } from "../../definition";
import { SubpoenaCreate, SubpoenaUpdate } from "./schema";
import { slugify } from "../../../shared/slug";

// Subpoenas and summonses.
// What the write service checks, derives and updates for this record type.

export const subpoena = defineRecord({
  type: "subpoena",
  plural: "subpoenas",
  label: "subpoena",
  tag: "subpoenas",
  create: SubpoenaCreate,
  update: SubpoenaUpdate,
  refs: { issuerId: { type: "organization" }, recipientId: { type: "organization" } },
  unique: ["slug"],
  links: defineLinks<"subpoena", { accountIds: number[]; demands: string[] }>({
    fields: ["accountIds", "demands"],
    read: (ctx, id) => ({ accountIds: ctx.repo.idSet("subpoenaAccounts", id), demands: ctx.repo.demands(id) }),
    normalize: (input) => normalizeLinks(input, { accountIds: "ids", demands: "list" }),
    write(ctx, owner, next) {
      if (next.accountIds !== undefined) ctx.repo.replaceIdSet("subpoenaAccounts", owner.id, next.accountIds);
      if (next.demands !== undefined) ctx.repo.replaceDemands(owner.id, next.demands, ctx.now());
    },
    check: (ctx, _owner, next) => memberErrors(ctx, "accountIds", next.accountIds, "account", "account"),
  }),
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "subpoena", slugify(String(values.title)), null) } : {},
  check: (_ctx, row) => [...fuzzyDateErrors(row, "dateIssued"), ...dateOrderErrors(row, "dateIssued", "dateReturn")],
});
