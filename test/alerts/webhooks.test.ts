import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "../../db/client";
import * as s from "../../db/schema";
import { keepOutboxInStep } from "../../server/alerts/outbox";
import { createSubscriptionsRepository } from "../../server/alerts/subscriptions";
import { verifySignature } from "../../server/alerts/signing";
import { createDeliveryWorker } from "../../server/alerts/worker";
import { createTestDb, TEST_NOW } from "../support/db";
import { insertCase, insertEntry } from "../support/factories";
import { movableClock, startWebhookReceiver } from "../support/mail-server";

/*
 * Webhooks against a real HTTP receiver on 127.0.0.1: signed JSON with an idempotency key,
 * retries with exponential backoff for more than a day, disabling with a reason staff can read,
 * every attempt logged, and exactly one delivery of each event when the worker is killed mid-queue.
 */

const PUBLIC_URL = "http://127.0.0.1:3000";
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
});

function register(db: Db, clock: { now: () => string }, events: s.AlertEventKind[] = ["entry", "order", "status", "hearing", "deadline"]) {
  return createSubscriptionsRepository(db, clock.now).addWebhook({ url: receiver.url, label: "newsroom bot", events, createdBy: "test" });
}

describe("webhooks", () => {
  it("posts signed JSON with an idempotency key for each event, verifiable with the secret", async () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const clock = movableClock(TEST_NOW);
    const { secret } = register(db, clock);
    const kase = insertCase(db, { caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 3, description: "MOTION to Quash" });
    const worker = createDeliveryWorker({ db, clock, publicUrl: PUBLIC_URL, mailer: null });
    expect((await worker.runOnce()).sent).toBe(1);
    const [request] = receiver.requests;
    const body = JSON.parse(request!.body) as Record<string, unknown>;
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["quash-event"]).toBe("entry");
    expect(body).toMatchObject({
      id: request!.headers["idempotency-key"],
      event: "entry",
      subject: "New entry in Doe v. DHS (ECF No. 3)",
      text: "MOTION to Quash",
      url: `${PUBLIC_URL}/cases/${kase.slug}/entries/${entry.id}`,
      record: { type: "entry", id: entry.id },
      case: { slug: kase.slug, caption: "Doe v. DHS" },
    });
    const signature = String(request!.headers["quash-signature"]);
    const now = Math.floor(new Date(clock.now()).getTime() / 1000);
    expect(verifySignature(secret, signature, request!.body, now)).toBe(true);
    expect(verifySignature(secret, signature, request!.body.replace("MOTION", "NOTICE"), now)).toBe(false);
    expect(verifySignature("whsec_wrong", signature, request!.body, now)).toBe(false);
    expect(verifySignature(secret, signature, request!.body, now + 3600)).toBe(false);
    // The secret itself is never in what is sent.
    expect(JSON.stringify(request!.headers) + request!.body).not.toContain(secret);
  });

  it("only sends the events a webhook asked for", async () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const clock = movableClock(TEST_NOW);
    register(db, clock, ["order"]);
    const kase = insertCase(db);
    insertEntry(db, kase.id);
    const worker = createDeliveryWorker({ db, clock, publicUrl: PUBLIC_URL, mailer: null });
    expect((await worker.runOnce()).sent).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });

  it("retries with growing gaps until acknowledged, logging every attempt under one key", async () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const clock = movableClock(TEST_NOW);
    register(db, clock);
    insertEntry(db, insertCase(db).id);
    const worker = createDeliveryWorker({ db, clock, publicUrl: PUBLIC_URL, mailer: null });
    receiver.answer(503);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      await worker.runOnce();
      const row = db.select().from(s.deliveries).get()!;
      gaps.push(new Date(row.nextAttemptAt).getTime() - new Date(clock.now()).getTime());
      clock.set(row.nextAttemptAt);
    }
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000]);
    receiver.answer(200);
    expect((await worker.runOnce()).sent).toBe(1);
    const attempts = db.select().from(s.deliveryAttempts).all();
    expect(attempts.map((a) => [a.ok, a.httpStatus, a.message])).toEqual([
      [false, 503, "HTTP 503"],
      [false, 503, "HTTP 503"],
      [false, 503, "HTTP 503"],
      [false, 503, "HTTP 503"],
      [true, 200, null],
    ]);
    expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(1);
  });

  it("keeps trying for more than a day, then gives up, and disables a webhook whose deliveries keep failing, with the reason", async () => {
    const db = createTestDb();
    keepOutboxInStep(db);
    const clock = movableClock(TEST_NOW);
    const { webhook } = register(db, clock);
    const kase = insertCase(db);
    for (let i = 0; i < 3; i++) insertEntry(db, kase.id);
    const worker = createDeliveryWorker({ db, clock, publicUrl: PUBLIC_URL, mailer: null });
    receiver.answer(500);
    let firstGaveUpAt: string | null = null;
    for (let hour = 0; hour <= 60 && !firstGaveUpAt; hour += 3) {
      clock.set(new Date(new Date(TEST_NOW).getTime() + hour * 3_600_000).toISOString());
      const run = await worker.runOnce();
      if (run.failed > 0) firstGaveUpAt = clock.now();
    }
    const hoursTrying = (new Date(firstGaveUpAt!).getTime() - new Date(TEST_NOW).getTime()) / 3_600_000;
    expect(hoursTrying).toBeGreaterThanOrEqual(24);
    const hook = db.select().from(s.webhooks).where(eq(s.webhooks.id, webhook.id)).get()!;
    expect(hook.disabledAt).not.toBeNull();
    expect(hook.disabledReason).toMatch(/^Disabled after 3 deliveries in a row failed for more than a day each \(last: HTTP 500\)\.$/);
    expect(
      db
        .select()
        .from(s.deliveries)
        .all()
        .every((d) => d.status === "failed" && d.attempts >= 8),
    ).toBe(true);
    expect(db.select().from(s.deliveryAttempts).all().length).toBe(3 * db.select().from(s.deliveries).get()!.attempts);
    // A disabled webhook gets no new events queued.
    insertEntry(db, kase.id);
    expect(db.select().from(s.deliveries).all()).toHaveLength(3);
  });

  it("delivers each event exactly once when the worker is killed mid-queue and another process takes over", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-webhooks-"));
    const file = join(dir, "quash.db");
    const first = openDatabase(file);
    const second = openDatabase(file);
    try {
      keepOutboxInStep(first);
      const clock = movableClock(TEST_NOW);
      const { secret } = register(first, clock);
      const kase = insertCase(first);
      const entries = Array.from({ length: 10 }, (_, i) => insertEntry(first, kase.id, { description: `Entry ${i + 1}` }));
      receiver.delay(150);

      const killed = new AbortController();
      const a = createDeliveryWorker({ db: first, clock, publicUrl: PUBLIC_URL, mailer: null, owner: "process-a" });
      const runA = a.runOnce(killed.signal);
      while (receiver.requests.length < 4) await new Promise((r) => setTimeout(r, 10));
      killed.abort(); // mid-request: the fourth delivery is on the wire, unacknowledged
      await runA;
      const sentByA = first.select().from(s.deliveries).where(eq(s.deliveries.status, "sent")).all().length;
      expect(sentByA).toBe(3);

      // The restarted process: its own connection, its own owner; the killed claim runs out first.
      const b = createDeliveryWorker({ db: second, clock, publicUrl: PUBLIC_URL, mailer: null, owner: "process-b" });
      expect((await b.runOnce()).sent).toBe(6);
      clock.advance(3 * 60_000);
      receiver.delay(0);
      expect((await b.runOnce()).sent).toBe(1);
      expect((await b.runOnce()).sent).toBe(0);

      const byKey = new Map<string, number>();
      for (const r of receiver.requests) {
        const now = Math.floor(new Date(clock.now()).getTime() / 1000);
        expect(verifySignature(secret, String(r.headers["quash-signature"]), r.body, now, 600)).toBe(true);
        const key = String(r.headers["idempotency-key"]);
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
      // Ten events, ten keys; the one request cut off by the kill was repeated under its key.
      expect(byKey.size).toBe(10);
      expect(receiver.requests.length).toBe(11);
      const texts = new Set([...receiver.requests].map((r) => (JSON.parse(r.body) as { text: string }).text));
      expect([...texts].sort()).toEqual(entries.map((e) => e.description).sort());
      expect(
        second
          .select()
          .from(s.deliveries)
          .all()
          .every((d) => d.status === "sent"),
      ).toBe(true);
    } finally {
      closeDatabase(first);
      closeDatabase(second);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
