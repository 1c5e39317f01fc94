import { z } from "zod";
import { DATE_PRECISIONS, SUBPOENA_KINDS } from "../../../db/schema";
import { dateOrderErrors, defineRecord, fuzzyDateErrors, memberErrors, normalizeLinks, slugify, uniqueSlug } from "../definition";
import {
  fuzzyDate,
  idSet,
  oneOf,
  optionalDate,
  optionalInteger,
  optionalOneOf,
  optionalRecordId,
  optionalSlug,
  optionalText,
  recordId,
  requiredText,
} from "../fields";

// Subpoenas and summonses, the accounts they target, and the platforms' notices to users.

export const SubpoenaCreate = z
  .strictObject({
    slug: optionalSlug(),
    title: requiredText(300),
    kind: oneOf(SUBPOENA_KINDS),
    issuerId: optionalRecordId(),
    issuingComponent: optionalText(300),
    recipientId: optionalRecordId(),
    authorityCited: optionalText(300),
    ...fuzzyDate("dateIssued"),
    dateReturn: optionalDate(),
    statedPurpose: optionalText(4000),
    howKnown: optionalText(4000),
    accountsCovered: optionalInteger(0, 1_000_000),
    summary: optionalText(20_000),
    // Link sets: replaced as a whole when sent.
    accountIds: idSet().optional().meta({ description: "The accounts the subpoena names (replaces the whole set)." }),
    demands: z
      .array(z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters"), {
        error: "must be a list of texts",
      })
      .max(100, "must have at most 100 items")
      .optional()
      .meta({ description: "Each item of data the subpoena demands, in order (replaces the whole list)." }),
  })
  .meta({ id: "SubpoenaCreate", description: "A new subpoena or summons. `slug` is made from the title when left out." });
export const SubpoenaUpdate = SubpoenaCreate.partial().meta({ id: "SubpoenaUpdate" });

export const subpoena = defineRecord({
  type: "subpoena",
  plural: "subpoenas",
  label: "subpoena",
  tag: "subpoenas",
  create: SubpoenaCreate,
  update: SubpoenaUpdate,
  refs: { issuerId: { type: "organization" }, recipientId: { type: "organization" } },
  unique: ["slug"],
  links: {
    fields: ["accountIds", "demands"],
    read: (ctx, id) => ({ accountIds: ctx.repo.idSet("subpoenaAccounts", id), demands: ctx.repo.demands(id) }),
    normalize: (input) => normalizeLinks(input, { accountIds: "ids", demands: "list" }),
    write(ctx, owner, next) {
      if (next.accountIds !== undefined) ctx.repo.replaceIdSet("subpoenaAccounts", owner.id as number, next.accountIds as number[]);
      if (next.demands !== undefined) ctx.repo.replaceDemands(owner.id as number, next.demands as string[], ctx.now());
    },
    check: (ctx, _owner, next) => memberErrors(ctx, "accountIds", next.accountIds, "account", "account"),
  },
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "subpoena", slugify(String(values.title)), null) } : {},
  check: (_ctx, row) => [...fuzzyDateErrors(row, "dateIssued"), ...dateOrderErrors(row, "dateIssued", "dateReturn")],
});

export const AccountCreate = z
  .strictObject({
    slug: optionalSlug(),
    platformId: optionalRecordId(),
    handle: optionalText(200),
    displayName: optionalText(300),
    description: optionalText(4000),
  })
  .meta({ id: "AccountCreate", description: "A targeted account, by public handle only. Needs a handle or a display name." });
export const AccountUpdate = AccountCreate.partial().meta({ id: "AccountUpdate" });

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

export const NoticeCreate = z
  .strictObject({
    subpoenaId: recordId(),
    accountId: optionalRecordId(),
    platformId: optionalRecordId(),
    dateNotified: optionalDate(),
    dateNotifiedPrecision: optionalOneOf(DATE_PRECISIONS),
    responseWindowStated: optionalText(300),
    responseWindowDays: optionalInteger(0, 3650),
    responseDateStated: optionalDate(),
  })
  .meta({
    id: "NoticeCreate",
    description: "A platform's notice to a user. The response window is recorded exactly as the notice states it, never computed.",
  });
export const NoticeUpdate = NoticeCreate.partial().meta({ id: "NoticeUpdate" });

export const notice = defineRecord({
  type: "notice",
  plural: "notices",
  label: "platform notice",
  tag: "subpoenas",
  create: NoticeCreate,
  update: NoticeUpdate,
  refs: { subpoenaId: { type: "subpoena" }, accountId: { type: "account" }, platformId: { type: "organization" } },
  check: (_ctx, row) => dateOrderErrors(row, "dateNotified", "responseDateStated"),
});
