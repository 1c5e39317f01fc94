import { dateOrderErrors, defineRecord } from "../../definition";
import { NoticeCreate, NoticeUpdate } from "./schema";

// Platforms' notices to users, with the response window exactly as stated.
// What the write service checks, derives and updates for this record type.

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
