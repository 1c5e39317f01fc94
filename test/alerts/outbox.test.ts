import { describe, expect, it } from "vitest";
import * as s from "../../db/schema";
import { keepOutboxInStep } from "../../server/alerts/outbox";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import { alertKindsOfEntry } from "../../server/alerts/entry-kinds";
import { createRecordStore } from "../../server/records/store";
import { createTestDb, testActor, testClock } from "../support/db";
import { insertCase, insertEntry, insertMotion, insertSubpoena, linkCaseSubpoena } from "../support/factories";

/* The outbox: events written in the write's own transaction, only while someone follows something. */

function follow(db: ReturnType<typeof createTestDb>, target: s.SubscriptionTarget = "all", targetId: number | null = null) {
  const subs = createSubscriptionsRepository(db, testClock.now);
  const { subscription } = subs.subscribe({
    email: "a@example.org",
    target,
    targetId,
    query: null,
    frequency: "immediate",
    excludedKinds: [],
    note: null,
  });
  subs.confirm(subscription.confirmToken);
  return subscription;
}

describe("alerts outbox", () => {
  it("writes nothing while nobody follows anything", () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    insertEntry(db, insertCase(db).id);
    expect(db.select().from(s.alertEvents).all()).toEqual([]);
    expect(db.select().from(s.statusSnapshots).all()).toEqual([]);
  });

  it("adds the event and its deliveries in the write's transaction: a write that rolls back leaves neither", () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const kase = insertCase(db);
    follow(db);
    const store = createRecordStore(db, testClock);
    expect(() =>
      db.transaction(() => {
        store.insert("entry", { caseId: kase.id, sequence: 1, dateFiled: "2026-11-20", description: "Rolled back" }, { actor: testActor });
        throw new Error("the import failed later in the same transaction");
      }),
    ).toThrow("failed later");
    expect(db.select().from(s.alertEvents).all()).toEqual([]);
    insertEntry(db, kase.id, { description: "Kept" });
    expect(
      db
        .select()
        .from(s.alertEvents)
        .all()
        .map((e) => e.kind),
    ).toEqual(["entry"]);
    expect(db.select().from(s.deliveries).all()).toHaveLength(1);
  });

  it("makes one event per entry created, none for its later edits", () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const kase = insertCase(db);
    follow(db);
    const entry = insertEntry(db, kase.id);
    createRecordStore(db, testClock).update("entry", entry.id, { description: "Corrected text" }, { actor: testActor });
    expect(db.select().from(s.alertEvents).all()).toHaveLength(1);
  });

  it("makes a status-change event when a write changes a subpoena's status line, for those who follow it or a case challenging it", () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const subpoena = insertSubpoena(db, { dateIssued: "2025-09-01", dateIssuedPrecision: "day" });
    const kase = insertCase(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    linkCaseSubpoena(db, kase.id, subpoena.id);
    const bySubpoena = follow(db, "subpoena", subpoena.id);
    insertMotion(db, kase.id, { status: "pending", dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    const events = db
      .select()
      .from(s.alertEvents)
      .all()
      .filter((e) => e.kind === "status");
    const subpoenaEvent = events.find((e) => e.recordType === "subpoena")!;
    expect(JSON.parse(subpoenaEvent.detail!)).toEqual({
      from: {
        key: "challenged",
        label: "Challenged in court",
        line: "Challenged in court — no order on the record; filed September 18, 2025",
      },
      to: {
        key: "challenged",
        label: "Challenged in court",
        line: "Motion to quash pending — no order on the record; filed September 18, 2025",
      },
    });
    const deliveries = db.select().from(s.deliveries).all();
    expect(deliveries.some((d) => d.eventId === subpoenaEvent.id && d.subscriptionId === bySubpoena.id)).toBe(true);
    // The case's own status changed too (no motion → motion pending).
    expect(events.find((e) => e.recordType === "case")).toBeDefined();
  });

  it("tells routine filings from their text", () => {
    expect(alertKindsOfEntry({ kind: "notice", description: "NOTICE of Appearance by A. Lawyer" })).toEqual(["appearance", "notice"]);
    expect(alertKindsOfEntry({ kind: "motion", description: "MOTION for Leave to Appear in Pro Hac Vice" })).toEqual([
      "pro_hac_vice",
      "motion",
    ]);
    expect(alertKindsOfEntry({ kind: "other", description: "PROOF OF SERVICE of summons" })).toEqual(["certificate_of_service", "other"]);
    expect(alertKindsOfEntry({ kind: "order", description: "ORDER granting stay" })).toEqual(["order"]);
  });
});
