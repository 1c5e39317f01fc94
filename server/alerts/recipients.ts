import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { prepareStatement, type Db } from "../../db/client";
import * as s from "../../db/schema";
import type { AlertEventKind } from "../../db/schema";
import { isAlertEntryKind, type AlertEntryKind } from "./entry-kinds";
import { SearchQueryError, toMatchQuery } from "../public-search/query";
import { entryMatches } from "../public-search/repository";

/** What the outbox knows of an event when it decides who gets it. */
export type EventScope = {
  kind: AlertEventKind;
  /** The case the event belongs to (an entry's, a case's own status), if any. */
  caseId: number | null;
  /** Subpoenas the event concerns: those the case challenges, or the subpoena whose status changed. */
  subpoenaIds: number[];
  /** For entries: the kinds the subscriber's filter reads, and the entry a saved query is matched against. */
  entryKinds?: AlertEntryKind[];
  entryId?: number;
};

export type Recipient = { channel: "email"; subscriptionId: number; digest: boolean } | { channel: "webhook"; webhookId: number };

const anyStatements = new WeakMap<Db, ReturnType<typeof prepareStatement>>();

/**
 * Whether anyone at all follows anything: every write that could make an event asks this
 * first, so alerts cost one prepared look-up until someone subscribes (npm run bench:alerts).
 */
export function anyRecipients(db: Db): boolean {
  let statement = anyStatements.get(db);
  if (!statement) {
    statement = prepareStatement(
      db,
      "select (exists (select 1 from subscriptions where confirmed_at is not null and cancelled_at is null) or exists (select 1 from webhooks where disabled_at is null)) as anyone",
    );
    anyStatements.set(db, statement);
  }
  return (statement.get() as { anyone: number }).anyone === 1;
}

/** The subpoenas a case challenges (case_subpoenas). */
export function subpoenasOfCase(db: Db, caseId: number): number[] {
  return db
    .select({ id: s.caseSubpoenas.subpoenaId })
    .from(s.caseSubpoenas)
    .where(eq(s.caseSubpoenas.caseId, caseId))
    .all()
    .map((r) => r.id);
}

/** The cases challenging a subpoena. */
export function casesOfSubpoena(db: Db, subpoenaId: number): number[] {
  return db
    .select({ id: s.caseSubpoenas.caseId })
    .from(s.caseSubpoenas)
    .where(eq(s.caseSubpoenas.subpoenaId, subpoenaId))
    .all()
    .map((r) => r.id);
}

/**
 * Everyone an event goes to: confirmed, live subscriptions whose target takes it in (everything;
 * its case; a subpoena it concerns; a saved query its entry's public text matches) and whose
 * excluded kinds do not name it, and every live webhook that asked for its kind.
 */
export function recipientsOf(db: Db, scope: EventScope): Recipient[] {
  const targets = [eq(s.subscriptions.target, "all"), eq(s.subscriptions.target, "query")];
  const caseIds = scope.caseId === null ? [] : [scope.caseId];
  if (caseIds.length) targets.push(and(eq(s.subscriptions.target, "case"), inArray(s.subscriptions.targetId, caseIds))!);
  if (scope.subpoenaIds.length)
    targets.push(and(eq(s.subscriptions.target, "subpoena"), inArray(s.subscriptions.targetId, scope.subpoenaIds))!);
  const sub = s.subscriptions;
  const rows = db
    .select({ id: sub.id, target: sub.target, query: sub.query, frequency: sub.frequency, excludedKinds: sub.excludedKinds })
    .from(s.subscriptions)
    .where(and(isNotNull(s.subscriptions.confirmedAt), isNull(s.subscriptions.cancelledAt), or(...targets)))
    .all();

  const out: Recipient[] = [];
  for (const sub of rows) {
    if (
      sub.target === "query" &&
      !(scope.kind === "entry" && scope.entryId !== undefined && savedQueryMatches(db, sub.query ?? "", scope.entryId))
    )
      continue;
    if (scope.kind === "entry" && scope.entryKinds?.length) {
      const excluded = new Set(parseKinds(sub.excludedKinds));
      if (scope.entryKinds.some((k) => excluded.has(k))) continue;
    }
    out.push({ channel: "email", subscriptionId: sub.id, digest: sub.frequency === "daily" });
  }
  const hooks = db
    .select({ id: s.webhooks.id })
    .from(s.webhooks)
    .where(and(isNull(s.webhooks.disabledAt), sql`exists (select 1 from json_each(${s.webhooks.events}) where value = ${scope.kind})`))
    .all();
  for (const hook of hooks) out.push({ channel: "webhook", webhookId: hook.id });
  return out;
}

/**
 * A saved search matches a new entry as the public search would find it: the same query
 * language, over the entry's row in the public index, which the record store wrote in this
 * same transaction (keepOutboxInStep installs the index first). An entry the public may not
 * see, or text redaction removed, matches nothing. A query that no longer reads matches nothing.
 */
function savedQueryMatches(db: Db, query: string, entryId: number): boolean {
  try {
    const match = toMatchQuery(query);
    return match !== null && entryMatches(db, entryId, match);
  } catch (error) {
    if (error instanceof SearchQueryError) return false;
    throw error;
  }
}

export function parseKinds(json: string): AlertEntryKind[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is AlertEntryKind => typeof v === "string" && isAlertEntryKind(v)) : [];
  } catch {
    return [];
  }
}
