import type { Db } from "../../db/client";
import type { MOTION_STATUSES } from "../../db/schema";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef, type RecordRef } from "../sources/markers";
import { withoutRemembering } from "../privacy/redact";
import { compareFuzzyDates, fuzzyDateKey } from "../shared/date-ordering";
import { EXPORT_BATCH } from "../shared/export-batch";
import { createOrdersRepository } from "./repository";

export type OrderDispositionRecord = {
  motion: PublicRecord<"motion">;
  disposition: (typeof MOTION_STATUSES)[number];
  citations: Citation[];
};

export type OrderCoverageRecord = {
  coverage: PublicRecord<"coverage">;
  subpoena: PublicRecord<"subpoena">;
  /** Null when the order protects every account of the movant or the accounts are not named. */
  account: PublicRecord<"account"> | null;
  addressee: PublicRecord<"organization"> | null;
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Whether an order still protects anything, derived from its coverage rows: "in_force" when
 * any row is in force, "ended" when every row has ended, "none" when no coverage is recorded
 * (rulings, scheduling orders).
 */
export type OrderStanding = "in_force" | "ended" | "none";

export type OrderRecord = {
  order: PublicRecord<"order">;
  case: PublicRecord<"case">;
  judge: PublicRecord<"judge"> | null;
  /** The order's docket entry, when the public may see it. */
  entry: { id: number; number: number | null } | null;
  dispositions: OrderDispositionRecord[];
  coverage: OrderCoverageRecord[];
  standing: OrderStanding;
  citations: Citation[];
  conflicts: ConflictRef[];
};

export function orderStanding(coverage: Pick<PublicRecord<"coverage">, "status">[]): OrderStanding {
  if (coverage.length === 0) return "none";
  return coverage.some((c) => c.status === "in_force") ? "in_force" : "ended";
}

/**
 * Every order of a live case (or one judge's), through the public projection, with its case,
 * judge, the motions it disposed of, what it protects and the sources of each, in date order
 * (earliest possible day, then precision, then id). The orders page, the judge pages and the
 * API read this.
 */
export function loadOrders(db: Db, filter: { judgeId?: number; orderIds?: number[] } = {}): OrderRecord[] {
  const repo = createOrdersRepository(db);
  const rows = repo.list(filter);
  const orderIds = rows.map((r) => r.order.id);
  const dispositionRows = repo.dispositions(orderIds);
  const decided = repo.decidedMotions(orderIds);
  const coverageRows = repo.coverage(orderIds);

  const refs: RecordRef[] = [
    ...orderIds.map((id) => ({ type: "order" as const, id })),
    ...coverageRows.map((c) => ({ type: "coverage" as const, id: c.coverage.id })),
    ...dispositionRows.map((d) => ({ type: "motion" as const, id: d.motion.id })),
    ...decided.map((m) => ({ type: "motion" as const, id: m.id })),
  ];
  const sources = createSourcesRepository(db);
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  const citesOf = (type: string, id: number) => citations.get(refKey(type, id)) ?? [];
  const conflictsOf = (type: string, id: number) => conflicts.get(refKey(type, id)) ?? [];

  const records = rows.map(({ order, kase, judge, entry }): OrderRecord => {
    const dispositions: OrderDispositionRecord[] = dispositionRows
      .filter((d) => d.orderId === order.id)
      .map((d) => ({ motion: toPublic("motion", d.motion), disposition: d.disposition, citations: citesOf("motion", d.motion.id) }));
    // A motion that names this order as its decider but has no disposition row: its own status says how.
    for (const m of decided.filter((m) => m.decidedByOrderId === order.id)) {
      if (!dispositions.some((d) => d.motion.id === m.id)) {
        dispositions.push({ motion: toPublic("motion", m), disposition: m.status, citations: citesOf("motion", m.id) });
      }
    }
    const coverage = coverageRows
      .filter((c) => c.coverage.orderId === order.id)
      .map((c) => ({
        coverage: toPublic("coverage", c.coverage),
        subpoena: toPublic("subpoena", c.subpoena),
        account: c.account ? toPublic("account", c.account) : null,
        addressee: c.addressee ? toPublic("organization", c.addressee) : null,
        citations: citesOf("coverage", c.coverage.id),
        conflicts: conflictsOf("coverage", c.coverage.id),
      }));
    return {
      order: toPublic("order", order),
      case: toPublic("case", kase),
      judge: judge ? toPublic("judge", judge) : null,
      entry: entry?.id == null ? null : { id: entry.id, number: entry.number },
      dispositions,
      coverage,
      standing: orderStanding(coverage.map((c) => c.coverage)),
      citations: citesOf("order", order.id),
      conflicts: conflictsOf("order", order.id),
    };
  });

  return records.sort(
    (a, b) =>
      compareFuzzyDates(
        { date: a.order.dateSigned, precision: a.order.dateSignedPrecision },
        { date: b.order.dateSigned, precision: b.order.dateSignedPrecision },
      ) || a.order.id - b.order.id,
  );
}

/**
 * Every order loadOrders gives, in its order, a keyset batch at a time (keysetPage): for exports,
 * which hold one batch, and whose texts the redactor does not remember. `batchSize` is for tests.
 */
export function* publicOrderBatches(db: Db, batchSize = EXPORT_BATCH): Generator<OrderRecord[]> {
  const repo = createOrdersRepository(db);
  let after: [string | null, number, number] | undefined;
  for (;;) {
    const ids = repo.keysetPage({ limit: batchSize, after });
    if (ids.length === 0) return;
    const records = withoutRemembering(() => loadOrders(db, { orderIds: ids }));
    yield records;
    if (ids.length < batchSize) return;
    const last = records.at(-1)!.order;
    after = [...fuzzyDateKey({ date: last.dateSigned, precision: last.dateSignedPrecision }), last.id];
  }
}

/** Orders on one page of /orders: the page stays bounded however many orders the record holds. */
export const ORDERS_PER_PAGE = 100;

export type OrdersPage = {
  records: OrderRecord[];
  /** Every order the public may see, counted in SQL (the page holds at most ORDERS_PER_PAGE). */
  total: number;
  /** The order the next page starts after, and the one the previous page ends before, if any. */
  nextAfter: number | null;
  previousBefore: number | null;
};

/**
 * One keyset page of the orders page, in loadOrders's order, cut in SQL: `after` (or `before`)
 * names an order the public may see, and the page holds the orders that follow (or precede) it.
 * Null when that order is not one the public may see (deleted, held, of a hidden case, or never).
 */
export function loadOrdersPage(db: Db, at: { after?: number; before?: number } = {}): OrdersPage | null {
  const repo = createOrdersRepository(db);
  const atId = at.after ?? at.before;
  const key = atId === undefined ? null : repo.keyOf(atId);
  if (atId !== undefined && !key) return null;
  // One more than the page, read on the side it goes: whether there is a next (or previous) page.
  // The other side is known: the order named precedes (or follows) the page; the first page has nothing before it.
  const read = repo.keysetPage({
    limit: ORDERS_PER_PAGE + 1,
    after: at.after !== undefined ? key! : undefined,
    before: at.before !== undefined ? key! : undefined,
  });
  const more = read.length > ORDERS_PER_PAGE;
  const ids = at.before !== undefined ? read.slice(more ? 1 : 0) : read.slice(0, ORDERS_PER_PAGE);
  const records = ids.length ? loadOrders(db, { orderIds: ids }) : [];
  const first = records[0];
  const last = records.at(-1);
  const hasNext = at.before !== undefined ? records.length > 0 : more;
  const hasPrevious = at.before !== undefined ? more : records.length > 0 && at.after !== undefined;
  return {
    records,
    total: repo.count(),
    nextAfter: hasNext && last ? last.order.id : null,
    previousBefore: hasPrevious && first ? first.order.id : null,
  };
}

/** One order on its own page (/orders/{slug}): the record as the orders page shows it, its court, and when it last changed. */
export type OrderPage = { record: OrderRecord; court: PublicRecord<"court"> | null; changedAt: string | null };

/**
 * The order the public may see at this slug, or undefined: a deleted, held or unpublished order,
 * or one of a hidden case, is not found, exactly as a slug no order has.
 */
export function loadOrderPage(db: Db, slug: string): OrderPage | undefined {
  const repo = createOrdersRepository(db);
  const id = repo.publicIdBySlug(slug);
  if (id === undefined) return undefined;
  const record = loadOrders(db, { orderIds: [id] })[0];
  if (!record) return undefined;
  const court = repo.court(record.case.courtId);
  return { record, court: court ? toPublic("court", court) : null, changedAt: repo.lastChangedAt(id) };
}
