import { and, inArray, isNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RELIABILITY_LEVELS, type RecordType, type Reliability } from "../../db/schema";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { publicFormOfRecord, publicRow } from "../records/public-scope";
import { RECORD_TABLES, isEditableType, type EditableType, type RecordRow } from "../records/tables";
import { createSourcesRepository } from "./repository";
import { refKey, type Citation } from "./markers";

export type SourceRegisterFilters = { reliability?: Reliability };

export type RegisterSource = { source: PublicRecord<"source">; factCount: number };

/**
 * A record a conflict affects, described for a reader: what to call it and where its page is.
 * `slug` is the record's own page (case, subpoena, judge, order, event, source tag); `caseSlug`
 * is the case page that shows it (motion, entry, party, hearing, deadline); `anchorSlug` is the
 * order whose card shows a coverage row.
 */
export type ConflictRecordLink = {
  type: RecordType;
  id: string;
  field: string | null;
  label: string;
  slug: string | null;
  caseSlug: string | null;
};

export type RegisterConflict = {
  conflict: PublicRecord<"conflict">;
  records: ConflictRecordLink[];
  citations: Citation[];
};

export type SourceRegister = {
  sources: RegisterSource[];
  /** Sources per reliability level, before the filter. */
  levelCounts: Record<Reliability, number>;
  totalSources: number;
  conflicts: RegisterConflict[];
  verification: { citations: number; verified: number; inferred: number };
};

type Live<T extends EditableType> = PublicRecord<T>;

// Types describeRecords names itself; a missing one of these was removed, not unknown.
const DESCRIBED_TYPES = new Set<RecordType>([
  "case",
  "subpoena",
  "judge",
  "order",
  "event",
  "source",
  "coverage",
  "motion",
  "entry",
  "party",
  "hearing",
  "deadline",
  "account",
  "organization",
  "person",
  "attorney",
  "court",
  "authority",
]);

/** Live rows of one record type by id, projected. Courts have text ids; the rest are numbers. */
function liveRecords<T extends EditableType>(db: Db, type: T, ids: string[]): Live<T>[] {
  if (ids.length === 0) return [];
  const table = RECORD_TABLES[type] as unknown as SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn };
  const keys = type === "court" ? ids : ids.map(Number).filter(Number.isInteger);
  const rows = db
    .select()
    .from(table)
    .where(and(inArray(table.id, keys), isNull(table.deletedAt)))
    .all() as RecordRow<T>[];
  return rows.map((row) => toPublic(type, row));
}

/**
 * What to call each record a conflict names, and which page shows it. Removed records, and
 * records the public may not see (of an unpublished case), are left out: a conflict never
 * links to, or names, something the public cannot see.
 */
function describeRecords(db: Db, allLinks: { type: RecordType; id: string; field: string | null }[]): Map<string, ConflictRecordLink> {
  // A sealed entry or party keeps its place as its placeholder (the projection names it by number and date, or "Sealed party").
  const links = allLinks.filter((l) => isEditableType(l.type) && publicFormOfRecord(db, l.type, l.id).form !== "hidden");
  const idsOf = (type: RecordType) => [...new Set(links.filter((l) => l.type === type).map((l) => l.id))];
  const load = <T extends EditableType>(type: T) => liveRecords(db, type, idsOf(type));
  const out = new Map<string, Omit<ConflictRecordLink, "field">>();
  const put = (type: RecordType, id: number | string, label: string, slug: string | null, caseSlug: string | null = null) =>
    out.set(refKey(type, id), { type, id: String(id), label, slug, caseSlug });

  const motions = load("motion");
  const entries = load("entry");
  const parties = load("party");
  const hearings = load("hearing");
  const deadlines = load("deadline");
  const coverage = load("coverage");
  const caseIds = [
    ...idsOf("case"),
    ...[...motions, ...entries, ...parties, ...hearings, ...deadlines].map((r) => String(r.caseId)).filter((id) => id !== "null"),
  ];
  const cases = new Map(liveRecords(db, "case", [...new Set(caseIds)]).map((c) => [c.id, c]));
  const orders = new Map(
    liveRecords(db, "order", [...new Set([...idsOf("order"), ...coverage.map((c) => String(c.orderId))])]).map((o) => [o.id, o]),
  );
  const caseName = (c: PublicRecord<"case">) => c.caption ?? c.label;
  const inCase = (caseId: number | null, type: RecordType, id: number, what: string) => {
    const kase = caseId === null ? undefined : cases.get(caseId);
    if (kase) put(type, id, `${what} (${caseName(kase)})`, null, kase.slug);
  };

  for (const id of idsOf("case")) {
    const c = cases.get(Number(id));
    if (c) put("case", c.id, caseName(c), c.slug);
  }
  for (const sp of load("subpoena")) put("subpoena", sp.id, sp.title, sp.slug);
  for (const j of load("judge")) put("judge", j.id, `${j.title} ${j.name}`, j.slug);
  for (const id of idsOf("order")) {
    const o = orders.get(Number(id));
    if (o) put("order", o.id, o.title, o.slug);
  }
  for (const e of load("event")) put("event", e.id, e.title, e.slug);
  for (const src of load("source")) put("source", src.id, `${src.tag}: ${src.title}`, src.tag);
  for (const c of coverage) {
    const o = orders.get(c.orderId);
    if (o) put("coverage", c.id, `What “${o.title}” protects`, o.slug);
  }
  for (const m of motions) inCase(m.caseId, "motion", m.id, m.title);
  // A sealed entry is named by number and date only, never by its text.
  for (const e of entries) inCase(e.caseId, "entry", e.id, e.number !== null ? `ECF No. ${e.number}` : `Docket entry of ${e.dateFiled}`);
  for (const p of parties) inCase(p.caseId, "party", p.id, `${p.name}, ${p.role}`);
  for (const h of hearings) inCase(h.caseId, "hearing", h.id, h.title);
  for (const d of deadlines) inCase(d.caseId, "deadline", d.id, d.label);
  for (const a of load("account")) put("account", a.id, a.handle ?? a.displayName ?? "Account", null);
  for (const o of load("organization")) put("organization", o.id, o.name, null);
  for (const p of load("person")) put("person", p.id, p.name, null);
  for (const a of load("attorney")) put("attorney", a.id, a.name, null);
  for (const c of load("court")) put("court", c.id, c.name, null);
  for (const a of load("authority")) put("authority", a.id, a.shortName, null);

  const described = new Map<string, ConflictRecordLink>();
  for (const link of links) {
    const key = refKey(link.type, link.id);
    let found = out.get(key);
    // Other types (documents, notices, arguments…) have no public page yet: name them plainly.
    if (!found && !DESCRIBED_TYPES.has(link.type) && isEditableType(link.type) && liveRecords(db, link.type, [link.id]).length) {
      found = { type: link.type, id: link.id, label: `${link.type.replace(/_/g, " ")} #${link.id}`, slug: null, caseSlug: null };
    }
    if (found) described.set(`${key}|${link.field ?? ""}`, { ...found, field: link.field });
  }
  return described;
}

/** How many live citations there are, and how many were checked against a docket or inferred. */
function verificationCounts(db: Db) {
  const rows = db
    .select({ verified: s.factSources.verifiedAgainstDocket, inferred: s.factSources.inferred })
    .from(s.factSources)
    .where(publicRow(s.factSources))
    .all();
  return { citations: rows.length, verified: rows.filter((r) => r.verified).length, inferred: rows.filter((r) => r.inferred).length };
}

/**
 * The source register: every source (or those of one reliability level) with how many facts it
 * backs, the conflicts between sources with the records each affects, and how much of the record
 * was checked against a docket. The sources page and the API read this.
 */
export function loadSourceRegister(db: Db, filters: SourceRegisterFilters = {}): SourceRegister {
  const repo = createSourcesRepository(db);
  // Register order: the research register's own order, then sources added later.
  const all = repo.listSources();
  const counts = repo.usageCounts();
  const levelCounts = Object.fromEntries(
    RELIABILITY_LEVELS.map((level) => [level, all.filter((src) => src.reliability === level).length]),
  ) as Record<Reliability, number>;
  const sources = all
    .filter((src) => !filters.reliability || src.reliability === filters.reliability)
    .map((source) => ({ source, factCount: counts.get(source.id) ?? 0 }));

  const conflictRows = repo.listConflicts().sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
  const described = describeRecords(
    db,
    conflictRows.flatMap((c) => c.records),
  );
  const conflictCites = repo.citationsFor(conflictRows.map((c) => ({ type: "conflict" as const, id: c.id })));
  const conflicts = conflictRows.map(({ records, ...conflict }) => ({
    conflict,
    records: records
      .map((r) => described.get(`${refKey(r.type, r.id)}|${r.field ?? ""}`))
      .filter((r): r is ConflictRecordLink => r !== undefined),
    citations: conflictCites.get(refKey("conflict", conflict.id)) ?? [],
  }));

  return { sources, levelCounts, totalSources: all.length, conflicts, verification: verificationCounts(db) };
}
