import type { PublicRecord } from "../privacy/projection";
import { viewDate, type DateView, type FuzzyDate } from "../shared/dates";
import { MOTION_KIND_LABELS, MOTION_STATUS_LABELS, label } from "../shared/labels";
import { isInferred, markersFor, type SourceMarker, refKey, type Citation, type RecordRef } from "../sources/markers";

/*
 * A subpoena's status, derived from the record and never typed by hand: "withdrawn" because a
 * withdrawal event names it, "stayed" because an order covering it is in force, "challenged"
 * because a case challenges it. The line is written to be quoted, so it claims nothing the
 * records do not hold: dates keep their real precision and inferred dates say so.
 */

export const SUBPOENA_STATUS_KEYS = ["withdrawn", "stayed", "challenged", "issued", "unknown"] as const;
export type SubpoenaStatusKey = (typeof SUBPOENA_STATUS_KEYS)[number];

export const SUBPOENA_STATUS_LABELS: Record<SubpoenaStatusKey, string> = {
  withdrawn: "Withdrawn",
  stayed: "Production stayed by court order",
  challenged: "Challenged in court",
  issued: "Issued, no challenge recorded",
  unknown: "Status unknown",
};

export const SUBPOENA_STATUS_TONES: Record<SubpoenaStatusKey, "ok" | "warn" | "accent" | "muted"> = {
  withdrawn: "ok",
  stayed: "ok",
  challenged: "warn",
  issued: "accent",
  unknown: "muted",
};

export type StatusOrder = { order: PublicRecord<"order">; judge: PublicRecord<"judge"> | null };
export type StatusCoverage = {
  coverage: PublicRecord<"coverage">;
  order: StatusOrder;
  addressee: PublicRecord<"organization"> | null;
};
export type StatusMotion = { motion: PublicRecord<"motion">; decidedBy: StatusOrder | null };
export type StatusEvent = { event: PublicRecord<"event">; actors: PublicRecord<"organization">[] };

export type SubpoenaStatusInput = {
  subpoena: PublicRecord<"subpoena">;
  issuer: PublicRecord<"organization"> | null;
  recipient: PublicRecord<"organization"> | null;
  /** Events linked to the subpoena; only withdrawals decide the status. */
  events: StatusEvent[];
  /** Stay coverages of the subpoena with their orders and judges. */
  coverages: StatusCoverage[];
  /** Motions of the cases challenging the subpoena. */
  motions: StatusMotion[];
  /** The cases challenging the subpoena (case_subpoenas). */
  challenges: PublicRecord<"case">[];
  /** Citations of the records above, keyed by refKey; used only to mark inferred dates. */
  citations?: Map<string, Citation[]>;
};

/** A record (or one field of it) whose sources back the status line. */
export type StatusSourceRef = RecordRef & { field?: string };

export type SubpoenaStatus = {
  key: SubpoenaStatusKey;
  label: string;
  tone: "ok" | "warn" | "accent" | "muted";
  line: string;
  date: DateView;
  /** True when the date the line rests on is inferred rather than stated by a source. */
  inferred: boolean;
  sources: StatusSourceRef[];
};

// ---------------------------------------------------------------------------------------------
// Small wording helpers

/** "a, b and c" */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const SHORT_TITLES: Record<string, { one: string; many: string }> = {
  "U.S. Magistrate Judge": { one: "Magistrate Judge", many: "Magistrate Judges" },
  "Magistrate Judge": { one: "Magistrate Judge", many: "Magistrate Judges" },
  "U.S. District Judge": { one: "District Judge", many: "District Judges" },
  "Chief U.S. District Judge": { one: "Chief Judge", many: "Chief Judges" },
  Judge: { one: "Judge", many: "Judges" },
};

function shortTitle(title: string) {
  return SHORT_TITLES[title] ?? { one: title, many: title };
}

const SUFFIXES = new Set(["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]);

/** The surname a newspaper would use on second reference ("Hixson" for "Thomas S. Hixson"). */
export function surname(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ""))) words.pop();
  return (words[words.length - 1] ?? name).replace(/,$/, "");
}

/**
 * Who made a set of orders: "Magistrate Judge Thomas S. Hixson" for one judge; "Magistrate
 * Judges Hixson and Tse" for several with one title; mixed titles each keep their own; orders
 * whose judge is not on the record are counted, never named.
 */
export function judgesPhrase(judges: (PublicRecord<"judge"> | null)[]): string {
  const known: PublicRecord<"judge">[] = [];
  for (const j of judges) if (j && !known.some((k) => k.id === j.id)) known.push(j);
  const unknownCount = judges.filter((j) => j === null).length;
  if (known.length === 0) return "the court";
  const unknownTail =
    unknownCount === 0 ? [] : [unknownCount === 1 ? "another judge not named on the record" : "other judges not named on the record"];
  if (known.length === 1) {
    const j = known[0]!;
    return joinWords([`${shortTitle(j.title).one} ${j.name}`, ...unknownTail]);
  }
  // Grouped by the title as printed: "U.S. Magistrate Judge" and "Magistrate Judge" are one group.
  const byTitle = new Map<string, { t: { one: string; many: string }; list: PublicRecord<"judge">[] }>();
  for (const j of known) {
    const t = shortTitle(j.title);
    const group = byTitle.get(t.one) ?? { t, list: [] };
    group.list.push(j);
    byTitle.set(t.one, group);
  }
  const groups = [...byTitle.values()].map(({ t, list }) =>
    list.length === 1 ? `${t.one} ${surname(list[0]!.name)}` : `${t.many} ${joinWords(list.map((j) => surname(j.name)))}`,
  );
  // Several title groups are joined with "and" inside already; separate groups with commas.
  return groups.length === 1 ? joinWords([groups[0]!, ...unknownTail]) : joinWords([...groups, ...unknownTail]);
}

/** The judges as the subject after a dash: "Magistrate Judge X", or "by court order" when none is named. */
function byWhom(judges: (PublicRecord<"judge"> | null)[]): string {
  const phrase = judgesPhrase(judges);
  return phrase === "the court" ? "by court order" : phrase;
}

function orgName(org: PublicRecord<"organization"> | null | undefined): string | null {
  return org ? (org.shortName ?? org.name) : null;
}

/** "September 19, 2025", "November 2025", "a Tuesday in September 2025" — for after a comma. */
function dateWords(date: DateView): string {
  return date.known ? date.text : "date unknown";
}

/** "since September 19, 2025"; "since a day between … and …" for a window. */
function sincePhrase(date: DateView, precision: string | null | undefined, hasLabel: boolean): string {
  if (!date.known) return "order date not on the record";
  if (precision === "range" && !hasLabel) return `since a day ${date.text}`;
  return `since ${date.text}`;
}

const inferredTag = (inferred: boolean) => (inferred ? " (date inferred)" : "");

function orderDate(o: PublicRecord<"order">): FuzzyDate {
  return { date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel };
}

function eventDate(e: PublicRecord<"event">): FuzzyDate {
  return { date: e.date, latest: e.dateLatest, precision: e.datePrecision, label: e.dateLabel };
}

/** Sort key: earliest possible day, unknown dates last. */
const sortDay = (d: string | null) => d ?? "9999-12-31";

function fieldInferred(citations: Map<string, Citation[]> | undefined, type: string, id: number, field: string) {
  return isInferred(citations?.get(refKey(type, id)), field);
}

// ---------------------------------------------------------------------------------------------
// The derivation

export function deriveSubpoenaStatus(input: SubpoenaStatusInput): SubpoenaStatus {
  return withdrawn(input) ?? stayed(input) ?? challenged(input) ?? issued(input);
}

function build(key: SubpoenaStatusKey, line: string, date: DateView, inferred: boolean, sources: StatusSourceRef[]): SubpoenaStatus {
  const seen = new Set<string>();
  const unique = sources.filter((s) => {
    const k = `${refKey(s.type, s.id)}:${s.field ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { key, label: SUBPOENA_STATUS_LABELS[key], tone: SUBPOENA_STATUS_TONES[key], line, date, inferred, sources: unique };
}

function addresseeOf(input: SubpoenaStatusInput, coverages: StatusCoverage[]): string {
  const names = [...new Set(coverages.map((c) => orgName(c.addressee)).filter((n): n is string => n !== null))];
  if (names.length > 0) return joinWords(names);
  return orgName(input.recipient) ?? "The recipient";
}

/** Distinct orders behind a set of coverages, earliest first. */
function ordersOf(coverages: StatusCoverage[]): StatusOrder[] {
  const out: StatusOrder[] = [];
  for (const c of coverages) if (!out.some((o) => o.order.id === c.order.order.id)) out.push(c.order);
  return out.sort((a, b) => sortDay(a.order.dateSigned).localeCompare(sortDay(b.order.dateSigned)) || a.order.id - b.order.id);
}

function withdrawn(input: SubpoenaStatusInput): SubpoenaStatus | null {
  const withdrawals = input.events
    .filter((e) => e.event.kind === "withdrawal")
    .sort((a, b) => sortDay(a.event.date).localeCompare(sortDay(b.event.date)) || a.event.id - b.event.id);
  const first = withdrawals[0];
  if (!first) return null;
  const e = first.event;
  const by = orgName(first.actors[0]) ?? orgName(input.issuer);
  const date = viewDate(eventDate(e));
  const inferred = date.known && fieldInferred(input.citations, "event", e.id, "date");

  // Orders that came before the withdrawal: an order known to be signed after its last
  // possible day cannot be what the withdrawal followed.
  const lastDay = e.dateLatest ?? e.date;
  const priorCoverages = input.coverages.filter((c) => !lastDay || !c.order.order.dateSigned || c.order.order.dateSigned <= lastDay);
  const orders = ordersOf(priorCoverages);

  let line = `Withdrawn${by ? ` by ${by}` : ""}, ${dateWords(date)}${inferredTag(inferred)}`;
  if (orders.length > 0) {
    const verb = addresseeOf(input, priorCoverages);
    line += ` — after ${judgesPhrase(orders.map((o) => o.judge))} ordered ${verb} not to produce`;
  } else if (input.motions.some((m) => m.motion.kind === "motion_to_quash")) {
    line += " — after a motion to quash was filed";
  } else if (input.challenges.length > 0) {
    line += " — after it was challenged in court";
  }
  const sources: StatusSourceRef[] = [
    ...withdrawals.flatMap((w) => [
      { type: "event" as const, id: w.event.id },
      { type: "event" as const, id: w.event.id, field: "date" },
    ]),
    ...orders.map((o) => ({ type: "order" as const, id: o.order.id })),
  ];
  return build("withdrawn", line, date, inferred, sources);
}

function stayed(input: SubpoenaStatusInput): SubpoenaStatus | null {
  const inForce = input.coverages.filter((c) => c.coverage.status === "in_force");
  if (inForce.length === 0) return null;
  const orders = ordersOf(inForce);
  const earliest = orders[0]!.order;
  const date = viewDate(orderDate(earliest));
  const inferred = date.known && fieldInferred(input.citations, "order", earliest.id, "dateSigned");
  const pending = input.motions.some((m) => m.motion.kind === "motion_to_quash" && m.motion.status === "pending");
  const scope = partialScope(input, inForce);
  const line =
    `${addresseeOf(input, inForce)} ordered not to produce${scope}${pending ? " pending ruling" : ""}` +
    ` — ${byWhom(orders.map((o) => o.judge))}, ${sincePhrase(date, earliest.dateSignedPrecision, Boolean(earliest.dateSignedLabel))}${inferredTag(inferred)}`;
  const sources: StatusSourceRef[] = [
    ...orders.flatMap((o) => [
      { type: "order" as const, id: o.order.id },
      { type: "order" as const, id: o.order.id, field: "dateSigned" },
    ]),
    ...inForce.map((c) => ({ type: "coverage" as const, id: c.coverage.id })),
  ];
  return build("stayed", line, date, inferred, sources);
}

/**
 * " as to 2 of 6 accounts" when every order in force names its accounts and they are fewer
 * than the subpoena covers; empty when the orders' reach is not that clear from the record.
 */
function partialScope(input: SubpoenaStatusInput, inForce: StatusCoverage[]): string {
  if (inForce.some((c) => c.coverage.accountId === null)) return "";
  const covered = new Set(inForce.map((c) => c.coverage.accountId));
  const total = input.subpoena.accountsCovered ?? 0;
  if (total <= covered.size) return "";
  return ` as to ${covered.size} of ${total} accounts`;
}

function challenged(input: SubpoenaStatusInput): SubpoenaStatus | null {
  if (input.challenges.length === 0 && input.motions.length === 0) return null;
  const quash = input.motions.filter((m) => m.motion.kind === "motion_to_quash");
  const lapsedOrders = ordersOf(input.coverages);
  const noOrder = lapsedOrders.length > 0 ? "no order in force" : "no order on the record";
  const motionRefs = (ms: StatusMotion[]) => ms.map((m) => ({ type: "motion" as const, id: m.motion.id }));

  const pending = quash.filter((m) => m.motion.status === "pending");
  if (pending.length > 0) {
    const first = [...pending].sort((a, b) => sortDay(a.motion.dateFiled).localeCompare(sortDay(b.motion.dateFiled)))[0]!.motion;
    const date = viewDate({
      date: first.dateFiled,
      latest: first.dateFiledLatest,
      precision: first.dateFiledPrecision,
      label: first.dateFiledLabel,
    });
    const inferred = date.known && fieldInferred(input.citations, "motion", first.id, "dateFiled");
    const what = pending.length === 1 ? "Motion to quash pending" : `${pending.length} motions to quash pending`;
    const line = `${what} — ${noOrder}${date.known ? `; filed ${date.text}${inferredTag(inferred)}` : ""}`;
    return build("challenged", line, date, inferred, motionRefs(pending));
  }

  // The latest ruling speaks for the subpoena; rulings of unknown date count as older.
  const decided = quash
    .filter((m) => m.motion.status !== "unknown")
    .sort((a, b) => (b.decidedBy?.order.dateSigned ?? "").localeCompare(a.decidedBy?.order.dateSigned ?? ""));
  const latest = decided.find((m) => m.decidedBy) ?? decided[0];
  if (latest) {
    const m = latest.motion;
    const order = latest.decidedBy;
    const date = order ? viewDate(orderDate(order.order)) : viewDate({ date: null });
    const inferred = Boolean(order) && date.known && fieldInferred(input.citations, "order", order!.order.id, "dateSigned");
    const status = label(MOTION_STATUS_LABELS, m.status).toLowerCase();
    let line = m.status === "granted" ? "Quashed" : `${label(MOTION_KIND_LABELS, m.kind)} ${status}`;
    if (order) {
      const who = m.status === "granted" ? `${judgesPhrase([order.judge])} granted the motion to quash` : byWhom([order.judge]);
      line += ` — ${who}, ${dateWords(date)}${inferredTag(inferred)}`;
    } else line += " — no order on the record";
    if (m.statusNote) line += `; ${m.statusNote}`;
    const sources: StatusSourceRef[] = [...motionRefs([latest]), ...(order ? [{ type: "order" as const, id: order.order.id }] : [])];
    return build("challenged", line, date, inferred, sources);
  }

  if (quash.length > 0) {
    return build("challenged", `Motion to quash filed — outcome not on the record`, viewDate({ date: null }), false, motionRefs(quash));
  }
  const filed = [...input.challenges].sort((a, b) => sortDay(a.dateFiled).localeCompare(sortDay(b.dateFiled)))[0];
  const date = filed
    ? viewDate({ date: filed.dateFiled, latest: filed.dateFiledLatest, precision: filed.dateFiledPrecision, label: filed.dateFiledLabel })
    : viewDate({ date: null });
  const inferred = Boolean(filed) && date.known && fieldInferred(input.citations, "case", filed!.id, "dateFiled");
  const count = input.challenges.length;
  const line = `Challenged in court${count > 1 ? ` (${count} proceedings)` : ""} — ${noOrder}${date.known ? `; filed ${date.text}${inferredTag(inferred)}` : ""}`;
  return build("challenged", line, date, inferred, [
    ...input.challenges.map((c) => ({ type: "case" as const, id: c.id })),
    ...motionRefs(input.motions),
  ]);
}

function issued(input: SubpoenaStatusInput): SubpoenaStatus {
  const sp = input.subpoena;
  const date = viewDate({ date: sp.dateIssued, latest: sp.dateIssuedLatest, precision: sp.dateIssuedPrecision, label: sp.dateIssuedLabel });
  const sources: StatusSourceRef[] = [{ type: "subpoena", id: sp.id, field: "dateIssued" }];
  if (!date.known) {
    return build("unknown", "Status unknown — no issue date, court challenge or withdrawal on the record", date, false, [
      { type: "subpoena", id: sp.id },
    ]);
  }
  const inferred = fieldInferred(input.citations, "subpoena", sp.id, "dateIssued");
  return build("issued", `Issued ${date.text}${inferredTag(inferred)}; no court challenge recorded`, date, inferred, sources);
}

/** Source markers for a status line, one per source, in the order the line relies on them. */
export function statusMarkers(status: SubpoenaStatus, citations: Map<string, Citation[]>): SourceMarker[] {
  const seen = new Set<string>();
  const out: SourceMarker[] = [];
  for (const ref of status.sources) {
    for (const marker of markersFor(citations.get(refKey(ref.type, ref.id)), ref.field)) {
      if (seen.has(marker.tag)) continue;
      seen.add(marker.tag);
      out.push(marker);
    }
  }
  return out;
}
