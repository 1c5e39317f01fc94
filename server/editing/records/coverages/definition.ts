import { defineRecord } from "../../definition";
import { coverageKey } from "../orders/definition";
import { CoverageCreate, CoverageUpdate } from "./schema";

// Stay coverage: what an order protects, one subpoena and account per row (also edited as part of the order).
// What the write service checks, derives and updates for this record type.

export const coverage = defineRecord({
  type: "coverage",
  plural: "coverages",
  label: "stay coverage",
  tag: "orders",
  create: CoverageCreate,
  update: CoverageUpdate,
  refs: {
    orderId: { type: "order" },
    subpoenaId: { type: "subpoena" },
    accountId: { type: "account" },
    addresseeId: { type: "organization" },
  },
  check(ctx, row, current) {
    const twin = ctx.repo.liveCoverageOfOrder(row.orderId!).find((c) => coverageKey(c) === coverageKey(row) && c.id !== current?.id);
    return twin ? [{ path: "subpoenaId", message: `is already covered by this order for this account (coverage ${twin.id})` }] : [];
  },
});
