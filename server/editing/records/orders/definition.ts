import type { RecordInsert, RecordRow } from "../../../records/tables";
import {
  defineLinks,
  defineRecord,
  type EditContext,
  fuzzyDateErrors,
  type Links,
  recordErrors,
  type Row,
  uniqueSlug,
} from "../../definition";
import type { Disposition } from "../../repository";
import { OrderCreate, OrderUpdate } from "./schema";
import { slugify } from "../../../shared/slug";

// Court orders: what they decide (the motions' dispositions) and what they protect (stay coverage).
// What the write service checks, derives and updates for this record type.

/** A coverage row as the order's links show it: the columns a client sends, defaults filled in. */
export type CoverageRow = Required<Omit<RecordInsert<"coverage">, "id" | "orderId">>;

/** The order's coverage as sent (its edit schema's `coverage` items) or as stored, defaults filled in. */
export function coverageItem(c: Partial<CoverageRow> & Pick<CoverageRow, "subpoenaId">): CoverageRow {
  return {
    subpoenaId: c.subpoenaId,
    accountId: c.accountId ?? null,
    addresseeId: c.addresseeId ?? null,
    endCondition: c.endCondition ?? null,
    status: c.status ?? "in_force",
    statusReason: c.statusReason ?? null,
    dateEnded: c.dateEnded ?? null,
  };
}

export const coverageKey = (c: Row) => `${String(c.subpoenaId)}:${String(c.accountId ?? "all")}`;
export const byCoverageKey = (a: CoverageRow, b: CoverageRow) => a.subpoenaId - b.subpoenaId || (a.accountId ?? 0) - (b.accountId ?? 0);

function duplicateErrors(field: string, items: unknown, key: (item: Row) => string, message: string) {
  const seen = new Set<string>();
  return ((items as Row[] | undefined) ?? []).flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [{ path: `${field}.${i}`, message }];
    seen.add(k);
    return [];
  });
}

/** Adds, changes and hides coverage rows so the order's live coverage is `wanted`; each row keeps its own revisions. */
function reconcileCoverage(ctx: EditContext, orderId: number, wanted: CoverageRow[]) {
  const options = { actor: ctx.actor, reason: ctx.reason };
  const existing = new Map(ctx.repo.liveCoverageOfOrder(orderId).map((row) => [coverageKey(row), row]));
  for (const item of wanted) {
    const current = existing.get(coverageKey(item));
    existing.delete(coverageKey(item));
    if (current) ctx.store.update("coverage", current.id, item, options);
    else ctx.store.insert("coverage", { orderId, ...item }, options);
  }
  for (const gone of existing.values()) ctx.store.remove("coverage", gone.id, options);
}

/**
 * A motion's status follows the latest live order that disposes of it. When this order was
 * what decided a motion and no longer does (disposition dropped, order deleted), the motion
 * is pending again. Motions no order names keep the status staff gave them.
 */
function refreshDecisions(ctx: EditContext, order: RecordRow<"order">, motionIds: Iterable<number>) {
  for (const motionId of motionIds) {
    const motion = ctx.repo.byId("motion", motionId);
    if (!motion || motion.deletedAt) continue;
    const latest = ctx.repo.decisionsOfMotion(motionId).at(-1);
    const wanted = latest
      ? { status: latest.disposition, decidedByOrderId: latest.orderId }
      : motion.decidedByOrderId === order.id
        ? { status: "pending" as const, decidedByOrderId: null }
        : null;
    if (!wanted) continue;
    const reason = latest ? `disposed of by order ${latest.orderId}` : `order ${order.id} no longer disposes of it`;
    ctx.store.update("motion", motionId, wanted, { actor: ctx.actor, reason });
  }
}

/** An order's links: the motions it disposes of and what it protects. */
type OrderLinks = { dispositions: Disposition[]; coverage: CoverageRow[] };

const dispositionsOf = (links: Links | null) => ((links?.dispositions as Disposition[] | undefined) ?? []).map((d) => d.motionId);

export const order = defineRecord({
  type: "order",
  plural: "orders",
  label: "order",
  tag: "orders",
  parent: "case",
  create: OrderCreate,
  update: OrderUpdate,
  refs: { entryId: { type: "entry", sameCase: true }, judgeId: { type: "judge" } },
  unique: ["slug"],
  links: defineLinks<"order", OrderLinks>({
    fields: ["dispositions", "coverage"],
    read: (ctx, id) => ({
      dispositions: ctx.repo.dispositionsOfOrder(id),
      coverage: ctx.repo.liveCoverageOfOrder(id).map(coverageItem).sort(byCoverageKey),
    }),
    normalize: (input) => ({
      ...(input.dispositions !== undefined
        ? {
            dispositions: [...(input.dispositions as Disposition[])]
              .map((d) => ({ motionId: d.motionId, disposition: d.disposition }))
              .sort((a, b) => a.motionId - b.motionId),
          }
        : {}),
      ...(input.coverage !== undefined ? { coverage: (input.coverage as CoverageRow[]).map(coverageItem).sort(byCoverageKey) } : {}),
    }),
    write(ctx, owner, next) {
      if (next.dispositions !== undefined) ctx.repo.replaceDispositions(owner.id, next.dispositions);
      if (next.coverage !== undefined) reconcileCoverage(ctx, owner.id, next.coverage);
    },
    check(ctx, owner, next) {
      const dispositions = next.dispositions ?? [];
      const coverage = next.coverage ?? [];
      return [
        ...dispositions.flatMap((d, i) => recordErrors(ctx, `dispositions.${i}.motionId`, d.motionId, "motion", "motion", owner.caseId)),
        ...duplicateErrors("dispositions", dispositions, (d) => String(d.motionId), "names a motion already listed"),
        ...coverage.flatMap((c, i) => [
          ...recordErrors(ctx, `coverage.${i}.subpoenaId`, c.subpoenaId, "subpoena", "subpoena"),
          ...(c.accountId ? recordErrors(ctx, `coverage.${i}.accountId`, c.accountId, "account", "account") : []),
          ...(c.addresseeId ? recordErrors(ctx, `coverage.${i}.addresseeId`, c.addresseeId, "organization", "organization") : []),
        ]),
        ...duplicateErrors("coverage", coverage, coverageKey, "repeats a subpoena and account already listed"),
      ];
    },
  }),
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "order", slugify(String(values.title)), null) } : {},
  check: (_ctx, row) => fuzzyDateErrors(row, "dateSigned"),
  afterWrite(ctx, event) {
    const touched = new Set([...dispositionsOf(event.linksBefore), ...dispositionsOf(event.linksAfter)]);
    refreshDecisions(ctx, event.row, touched);
  },
});
