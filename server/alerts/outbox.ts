import { eq, sql } from "drizzle-orm";
import { prepareStatement, type Db } from "../../db/client";
import * as s from "../../db/schema";
import type { AlertEventKind } from "../../db/schema";
import { onRecordChange, type RecordChange } from "../records/changes";
import { keepPublicSearchInStep } from "../records/public-search-index";
import { nextDigestAt } from "./digest-time";
import { alertKindsOfEntry } from "./entry-kinds";
import { anyRecipients, casesOfSubpoena, recipientsOf, subpoenasOfCase, type EventScope } from "./recipients";
import { currentStatuses, type StatusLine } from "./current-statuses";

/*
 * The outbox (README.md): every record-store write that makes a notifiable event adds its
 * event and one delivery per recipient inside the write's own transaction (the record store
 * emits its change there), so an event exists if and only if its write committed, and a
 * crash can neither lose it nor make it twice. Nothing is written while nobody follows anything.
 */

/** Record types whose creation is an event, and the event each makes. */
const CREATION_EVENTS: Partial<Record<RecordChange["type"], AlertEventKind>> = {
  entry: "entry",
  order: "order",
  hearing: "hearing",
  deadline: "deadline",
};

/** Writes that can change a subpoena's or a case's derived status (status/subpoena-status.ts, case-status.ts). */
const STATUS_INPUTS = new Set<RecordChange["type"]>(["subpoena", "case", "event", "order", "coverage", "motion", "organization", "judge"]);

const installed = new WeakSet<Db>();

/** Makes every write to this database feed the outbox. Safe to call more than once. */
export function keepOutboxInStep(db: Db): void {
  if (installed.has(db)) return;
  installed.add(db);
  // The public index first: a saved query matches an entry's row there, written by the same change.
  keepPublicSearchInStep(db);
  onRecordChange(db, (change) => recordOutboxEvents(db, change));
}

const revisionStatements = new WeakMap<Db, ReturnType<typeof prepareStatement>>();

/** The revision the store wrote just before emitting the change: it says whether the write created the record. */
function lastRevision(db: Db, change: RecordChange): { action: string; at: string } | undefined {
  let statement = revisionStatements.get(db);
  if (!statement) {
    statement = prepareStatement(db, "select action, at from revisions where record_type = ? and record_id = ? order by id desc limit 1");
    revisionStatements.set(db, statement);
  }
  return statement.get(change.type, String(change.id)) as { action: string; at: string } | undefined;
}

export function recordOutboxEvents(db: Db, change: RecordChange): void {
  const creation = CREATION_EVENTS[change.type];
  const statusInput = STATUS_INPUTS.has(change.type);
  if (!creation && !statusInput) return;
  if (!anyRecipients(db)) return;
  const revision = lastRevision(db, change);
  if (!revision) return;
  if (creation && revision.action === "create") recordCreation(db, creation, change, revision.at);
  if (statusInput) recordStatusChanges(db, revision.at);
}

function recordCreation(db: Db, kind: AlertEventKind, change: RecordChange, at: string): void {
  const id = Number(change.id);
  let caseId: number | null;
  let scope: EventScope;
  if (kind === "entry") {
    const entry = db.select().from(s.docketEntries).where(eq(s.docketEntries.id, id)).get();
    if (!entry) return;
    caseId = entry.caseId;
    // A saved query reads the entry as the public search does (its redacted text; a sealed entry has none).
    scope = { kind, caseId, subpoenaIds: subpoenasOfCase(db, caseId), entryKinds: alertKindsOfEntry(entry), entryId: id };
  } else {
    const table = kind === "order" ? s.orders : kind === "hearing" ? s.hearings : s.deadlines;
    const row = db.select({ caseId: table.caseId }).from(table).where(eq(table.id, id)).get();
    if (!row) return;
    caseId = row.caseId ?? null;
    scope = { kind, caseId, subpoenaIds: caseId === null ? [] : subpoenasOfCase(db, caseId) };
  }
  enqueue(db, { kind, recordType: change.type, recordId: id, caseId, detail: null, occurredAt: at }, scope);
}

/**
 * Derives every status again and compares it with the last one seen: a line that changed is
 * a status-change event. A subject seen for the first time is remembered without an event
 * (its first status is no change).
 */
function recordStatusChanges(db: Db, at: string): void {
  const previous = new Map(
    db
      .select()
      .from(s.statusSnapshots)
      .all()
      .map((r) => [`${r.subject}:${r.subjectId}`, r]),
  );
  for (const now of currentStatuses(db)) {
    const before = previous.get(`${now.subject}:${now.subjectId}`);
    if (before && before.line === now.line) continue;
    saveSnapshot(db, now, at);
    if (!before) continue;
    const caseId = now.subject === "case" ? now.subjectId : null;
    const subpoenaIds = now.subject === "subpoena" ? [now.subjectId] : subpoenasOfCase(db, now.subjectId);
    const scopeCase = now.subject === "subpoena" ? casesOfSubpoena(db, now.subjectId) : [];
    const detail = JSON.stringify({
      from: { key: before.key, label: before.label, line: before.line },
      to: { key: now.key, label: now.label, line: now.line },
    });
    const event = { kind: "status" as const, recordType: now.subject, recordId: now.subjectId, caseId, detail, occurredAt: at };
    // A subpoena's status reaches those who follow a case challenging it, too.
    enqueue(db, event, { kind: "status", caseId, subpoenaIds }, scopeCase);
  }
}

function saveSnapshot(db: Db, line: StatusLine, at: string): void {
  db.insert(s.statusSnapshots)
    .values({ subject: line.subject, subjectId: line.subjectId, key: line.key, label: line.label, line: line.line, updatedAt: at })
    .onConflictDoUpdate({
      target: [s.statusSnapshots.subject, s.statusSnapshots.subjectId],
      set: { key: line.key, label: line.label, line: line.line, updatedAt: at },
    })
    .run();
}

/** Remembers every current status without making events: when the first subscription or webhook appears. */
export function rememberStatuses(db: Db, at: string): void {
  for (const line of currentStatuses(db)) saveSnapshot(db, line, at);
}

type EventValues = typeof s.alertEvents.$inferInsert;

function enqueue(db: Db, event: EventValues, scope: EventScope, extraCaseIds: number[] = []): void {
  const seen = new Set<string>();
  const recipients = [scope, ...extraCaseIds.map((caseId) => ({ ...scope, caseId, subpoenaIds: [] }))]
    .flatMap((sc) => recipientsOf(db, sc))
    .filter((r) => {
      const key = r.channel === "email" ? `s${r.subscriptionId}` : `w${r.webhookId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (recipients.length === 0) return;
  const { id: eventId } = db.insert(s.alertEvents).values(event).returning({ id: s.alertEvents.id }).get();
  const digestAt = nextDigestAt(event.occurredAt);
  const list = JSON.stringify(
    recipients.map((r) =>
      r.channel === "email" ? { c: "email", s: r.subscriptionId, d: r.digest ? 1 : 0 } : { c: "webhook", w: r.webhookId, d: 0 },
    ),
  );
  // One statement for every recipient (a thousand subscribers are a thousand rows): each gets a
  // random idempotency key of its own, and a digest's row waits for the digest's hour.
  const d = s.deliveries;
  db.run(sql`
    insert into ${d} (${sql.identifier(d.eventId.name)}, ${sql.identifier(d.channel.name)}, ${sql.identifier(d.subscriptionId.name)},
      ${sql.identifier(d.webhookId.name)}, ${sql.identifier(d.digest.name)}, ${sql.identifier(d.idempotencyKey.name)},
      ${sql.identifier(d.nextAttemptAt.name)}, ${sql.identifier(d.createdAt.name)})
    select ${eventId}, json_extract(value, '$.c'), json_extract(value, '$.s'), json_extract(value, '$.w'), json_extract(value, '$.d'),
      lower(hex(randomblob(16))), case when json_extract(value, '$.d') = 1 then ${digestAt} else ${event.occurredAt} end, ${event.occurredAt}
    from json_each(${list})`);
}
