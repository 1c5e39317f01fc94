import { z } from "zod";
import { COVERAGE_STATUSES, DEADLINE_ORIGINS, DEADLINE_STATUSES, HEARING_STATUSES, MOTION_STATUSES, ORDER_KINDS } from "../../../db/schema";
import {
  defineRecord,
  fuzzyDateErrors,
  recordErrors,
  slugify,
  uniqueSlug,
  type EditContext,
  type Links,
  type Row,
} from "../definition";
import { DEADLINE_RULES } from "../../deadlines";
import { DEEMED_SUBMITTED_CODE, ruleInfo } from "../../schedule/motion-rules";
import { applyCourtOrderedDeadline } from "../../schedule/service";
import type { Disposition } from "../repository";
import {
  fuzzyDate,
  oneOf,
  optionalDate,
  optionalRecordId,
  optionalSlug,
  optionalText,
  optionalTime,
  recordId,
  requiredDate,
  requiredText,
} from "../fields";

// Orders (what they decide and what they protect), hearings and deadlines.

const coverageFields = {
  subpoenaId: recordId(),
  accountId: optionalRecordId().meta({ description: "Null when the order covers every account of the movant." }),
  addresseeId: optionalRecordId().meta({ description: "Who is told not to produce (the platform)." }),
  endCondition: optionalText(500).meta({ description: "\"until further order of the Court\"" }),
  status: oneOf(COVERAGE_STATUSES).optional(),
  statusReason: optionalText(1000),
  dateEnded: optionalDate(),
};

export const CoverageItem = z.strictObject(coverageFields).meta({ id: "CoverageItem", description: "What a stay or non-production order protects: one subpoena, one account or all." });

export const OrderCreate = z
  .strictObject({
    slug: optionalSlug(),
    entryId: optionalRecordId().meta({ description: "The docket entry of the order, in the same case." }),
    judgeId: optionalRecordId(),
    title: requiredText(300),
    kind: oneOf(ORDER_KINDS),
    ...fuzzyDate("dateSigned"),
    summary: optionalText(20_000),
    quotedText: optionalText(20_000),
    dispositions: z
      .array(z.strictObject({ motionId: recordId(), disposition: oneOf(MOTION_STATUSES) }), { error: "must be a list" })
      .max(100, "must have at most 100 items")
      .optional()
      .meta({ description: "How the order disposes of motions of the same case (replaces the whole list); each motion's status follows." }),
    coverage: z
      .array(CoverageItem, { error: "must be a list" })
      .max(500, "must have at most 500 items")
      .optional()
      .meta({ description: "What the order protects, one row per subpoena and account (replaces the whole list; rows matched by subpoena and account)." }),
  })
  .meta({ id: "OrderCreate", description: "A court order in the case in the path." });
export const OrderUpdate = OrderCreate.partial().meta({ id: "OrderUpdate" });

type CoverageRow = { subpoenaId: number; accountId: number | null } & Row;

/** A coverage row as the order's links show it: the columns a client sends, defaults filled in. */
function coverageItem(c: Row): CoverageRow {
  return {
    subpoenaId: c.subpoenaId as number,
    accountId: (c.accountId as number | null | undefined) ?? null,
    addresseeId: (c.addresseeId as number | null | undefined) ?? null,
    endCondition: (c.endCondition as string | null | undefined) ?? null,
    status: (c.status as string | undefined) ?? "in_force",
    statusReason: (c.statusReason as string | null | undefined) ?? null,
    dateEnded: (c.dateEnded as string | null | undefined) ?? null,
  };
}

const coverageKey = (c: Row) => `${String(c.subpoenaId)}:${String(c.accountId ?? "all")}`;
const byCoverageKey = (a: CoverageRow, b: CoverageRow) => a.subpoenaId - b.subpoenaId || (a.accountId ?? 0) - (b.accountId ?? 0);

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
    else ctx.store.insert("coverage", { orderId, ...item } as never, options);
  }
  for (const gone of existing.values()) ctx.store.remove("coverage", gone.id, options);
}

/**
 * A motion's status follows the latest live order that disposes of it. When this order was
 * what decided a motion and no longer does (disposition dropped, order deleted), the motion
 * is pending again. Motions no order names keep the status staff gave them.
 */
function refreshDecisions(ctx: EditContext, order: Row, motionIds: Iterable<number>) {
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
    const reason = latest ? `disposed of by order ${latest.orderId}` : `order ${String(order.id)} no longer disposes of it`;
    ctx.store.update("motion", motionId, wanted, { actor: ctx.actor, reason });
  }
}

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
  links: {
    fields: ["dispositions", "coverage"],
    read: (ctx, id) => ({
      dispositions: ctx.repo.dispositionsOfOrder(id),
      coverage: ctx.repo.liveCoverageOfOrder(id).map(coverageItem).sort(byCoverageKey),
    }),
    normalize: (input) => ({
      ...(input.dispositions !== undefined
        ? { dispositions: [...(input.dispositions as Disposition[])].map((d) => ({ motionId: d.motionId, disposition: d.disposition })).sort((a, b) => a.motionId - b.motionId) }
        : {}),
      ...(input.coverage !== undefined ? { coverage: (input.coverage as Row[]).map(coverageItem).sort(byCoverageKey) } : {}),
    }),
    write(ctx, owner, next) {
      if (next.dispositions !== undefined) ctx.repo.replaceDispositions(owner.id as number, next.dispositions as Disposition[]);
      if (next.coverage !== undefined) reconcileCoverage(ctx, owner.id as number, next.coverage as CoverageRow[]);
    },
    check(ctx, owner, next) {
      const dispositions = (next.dispositions as Disposition[] | undefined) ?? [];
      const coverage = (next.coverage as CoverageRow[] | undefined) ?? [];
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
  },
  prepare: (ctx, values, current) =>
    current === null && !values.slug ? { slug: uniqueSlug(ctx, "order", slugify(String(values.title)), null) } : {},
  check: (_ctx, row) => fuzzyDateErrors(row, "dateSigned"),
  afterWrite(ctx, event) {
    const touched = new Set([...dispositionsOf(event.linksBefore), ...dispositionsOf(event.linksAfter)]);
    refreshDecisions(ctx, event.row, touched);
  },
});

export const CoverageCreate = z
  .strictObject({ orderId: recordId(), ...coverageFields })
  .meta({ id: "CoverageCreate", description: "One row of what an order protects. Also editable as part of the order (`coverage`)." });
export const CoverageUpdate = CoverageCreate.partial().meta({ id: "CoverageUpdate" });

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
    const twin = ctx.repo.liveCoverageOfOrder(row.orderId as number).find((c) => coverageKey(c) === coverageKey(row) && c.id !== current?.id);
    return twin ? [{ path: "subpoenaId", message: `is already covered by this order for this account (coverage ${twin.id})` }] : [];
  },
});

export const HearingCreate = z
  .strictObject({
    motionId: optionalRecordId().meta({ description: "The motion heard, in the same case." }),
    judgeId: optionalRecordId(),
    title: requiredText(300),
    ...fuzzyDate("date"),
    time: optionalTime().meta({ description: "Local time at the court, HH:MM." }),
    place: optionalText(300),
    status: oneOf(HEARING_STATUSES).optional(),
    notes: optionalText(4000),
  })
  .meta({ id: "HearingCreate", description: "A hearing in the case in the path." });
export const HearingUpdate = HearingCreate.partial().meta({ id: "HearingUpdate" });

export const hearing = defineRecord({
  type: "hearing",
  plural: "hearings",
  label: "hearing",
  tag: "schedule",
  parent: "case",
  create: HearingCreate,
  update: HearingUpdate,
  refs: { motionId: { type: "motion", sameCase: true }, judgeId: { type: "judge" } },
  check: (_ctx, row) => fuzzyDateErrors(row, "date"),
});

const RULE_CODES = [...DEADLINE_RULES.map((rule) => rule.code), DEEMED_SUBMITTED_CODE].join(", ");

export const DeadlineCreate = z
  .strictObject({
    motionId: optionalRecordId(),
    orderId: optionalRecordId().meta({ description: "The order that set the date, in the same case." }),
    label: requiredText(300),
    dateDue: requiredDate(),
    ruleCode: optionalText(60),
    ruleCitation: optionalText(300),
    origin: oneOf(DEADLINE_ORIGINS).optional().meta({ description: "Defaults to court_ordered: a date typed in is one an order or a party stated." }),
    triggerDate: optionalDate(),
    status: oneOf(DEADLINE_STATUSES).optional(),
    supersededById: optionalRecordId().meta({ description: "The deadline that replaces this one, in the same case." }),
    notes: optionalText(4000),
  })
  .meta({ id: "DeadlineCreate", description: "A due date in the case in the path." });
export const DeadlineUpdate = DeadlineCreate.partial().meta({ id: "DeadlineUpdate" });

export const deadline = defineRecord({
  type: "deadline",
  plural: "deadlines",
  label: "deadline",
  tag: "schedule",
  parent: "case",
  create: DeadlineCreate,
  update: DeadlineUpdate,
  refs: {
    motionId: { type: "motion", sameCase: true },
    orderId: { type: "order", sameCase: true },
    supersededById: { type: "deadline", sameCase: true },
  },
  prepare: (_ctx, values, current) => (current === null && !values.origin ? { origin: "court_ordered" } : {}),
  check: (_ctx, row, current) => [
    ...(current && row.supersededById === current.id ? [{ path: "supersededById", message: "must be another deadline" }] : []),
    // A rule code names the catalogue rule the date stands for; one the catalogue lacks would be
    // shown as a rule nobody can look up, and would never match the computed date it replaces.
    ...(typeof row.ruleCode === "string" && row.ruleCode !== current?.ruleCode && !ruleInfo(row.ruleCode)
      ? [{ path: "ruleCode", message: `names no rule in the catalogue ("${row.ruleCode}"); use one of ${RULE_CODES}, or leave it empty` }]
      : []),
  ],
  // An open court-ordered date wins: the computed date it replaces is kept, superseded (server/schedule).
  afterWrite(ctx, event) {
    if (event.action === "delete") return;
    applyCourtOrderedDeadline({ db: ctx.db, store: ctx.store }, event.row as unknown as Parameters<typeof applyCourtOrderedDeadline>[1], { actor: ctx.actor });
  },
});
