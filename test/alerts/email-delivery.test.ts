import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepOutboxInStep } from "../../server/alerts/outbox";
import { createSmtpMailer } from "../../server/alerts/mailer";
import { createSubscriptionsRepository, type NewSubscription } from "../../server/alerts/subscriptions";
import { createDeliveryWorker } from "../../server/alerts/worker";
import { createRecordStore } from "../../server/records/store";
import { createTestDb, testActor, testClock, TEST_NOW } from "../support/db";
import { insertCase, insertEntry, insertHearing, insertOrder, insertSubpoena, linkCaseSubpoena } from "../support/factories";
import { movableClock, startSmtpServer } from "../support/mail-server";

/*
 * E-mail alerts end to end against a real SMTP server on 127.0.0.1 (smtp-server), each message
 * read back with mailparser: confirm, deliver, digest, unsubscribe, excluded kinds, and what
 * must never be sent (unconfirmed, cancelled, sealed after queueing).
 */

const PUBLIC_URL = "http://127.0.0.1:3000";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
});

function setUp() {
  const db = createTestDb();
  keepOutboxInStep(db);
  const clock = movableClock(TEST_NOW);
  const mailer = createSmtpMailer(smtp.smtp, "Quash alerts <alerts@quash.test>");
  const worker = createDeliveryWorker({ db, clock, publicUrl: PUBLIC_URL, mailer });
  const subs = createSubscriptionsRepository(db, () => clock.now());
  const follow = (o: Partial<NewSubscription>) => {
    const { subscription, subscriber } = subs.subscribe({
      email: "Reporter@Example.org",
      target: "all",
      targetId: null,
      query: null,
      frequency: "immediate",
      excludedKinds: [],
      note: null,
      ...o,
    });
    return { subscription, subscriber, confirm: () => subs.confirm(subscription.confirmToken) };
  };
  return { db, clock, worker, subs, follow };
}

describe("e-mail alerts through a real SMTP server", () => {
  it("sends nothing before the link is confirmed, then one message per entry with text, link, note and one-click unsubscribe", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db, { caption: "Doe v. Department of Homeland Security" });
    const sub = follow({ target: "case", targetId: kase.id, note: "covering for the Ledger" });
    insertEntry(db, kase.id, { number: 7, description: "MOTION to Quash filed before confirmation" });
    expect((await worker.runOnce()).sent).toBe(0);
    expect(smtp.received).toHaveLength(0);

    sub.confirm();
    const entry = insertEntry(db, kase.id, { number: 8, description: "ORDER granting motion to proceed pseudonymously" });
    const run = await worker.runOnce();
    expect(run.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const { mail, to } = smtp.received[0]!;
    expect(to).toEqual(["reporter@example.org"]);
    expect(mail.subject).toBe("New entry in Doe v. Department of Homeland Security (ECF No. 8)");
    expect(mail.text).toContain("ORDER granting motion to proceed pseudonymously");
    expect(mail.text).toContain(`${PUBLIC_URL}/cases/${kase.slug}/entries/${entry.id}`);
    expect(mail.text).toContain("Your note: covering for the Ledger");
    expect(mail.html).toContain("ORDER granting motion to proceed pseudonymously");
    const unsubscribe = `${PUBLIC_URL}/alerts/unsubscribe/${sub.subscriber.token}/${sub.subscription.id}`;
    // Folded header lines unfolded, as RFC 5322 reads them.
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n[ \t]+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(mail.text).toContain(`${PUBLIC_URL}/alerts/manage/${sub.subscriber.token}`);
    // The entry filed before confirmation is never sent.
    expect(mail.text).not.toContain("before confirmation");
    // Nothing left to send.
    expect((await worker.runOnce()).sent).toBe(0);
  });

  it("follows a subpoena through the cases that challenge it, and hearings and orders as well as entries", async () => {
    const { db, worker, follow } = setUp();
    const subpoena = insertSubpoena(db, { title: "ICE summons to Meta" });
    const kase = insertCase(db, { caption: "Roe v. ICE" });
    const other = insertCase(db, { caption: "Unrelated v. Someone" });
    linkCaseSubpoena(db, kase.id, subpoena.id);
    follow({ target: "subpoena", targetId: subpoena.id }).confirm();
    insertEntry(db, other.id, { description: "Entry of another case" });
    insertOrder(db, kase.id, { title: "Order to show cause", dateSigned: "2026-11-20", dateSignedPrecision: "day" });
    insertHearing(db, kase.id, { title: "Motion hearing", date: "2026-12-04", datePrecision: "day", time: "10:00", place: "Courtroom E" });
    await worker.runOnce();
    const subjects = smtp.received.map((r) => r.mail.subject);
    expect(subjects).toEqual(["New order in Roe v. ICE: Order to show cause", "Hearing set in Roe v. ICE: Motion hearing"]);
    expect(smtp.received[1]!.mail.text).toContain("December 4, 2026, 10:00, Courtroom E");
  });

  it("leaves out the entry kinds a subscriber excluded, recognising routine filings by their text", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db);
    follow({ excludedKinds: ["appearance", "pro_hac_vice", "certificate_of_service"] }).confirm();
    insertEntry(db, kase.id, { kind: "notice", description: "NOTICE of Appearance by Jane Lawyer on behalf of Doe" });
    insertEntry(db, kase.id, { description: "APPLICATION for Admission of Attorney Pro Hac Vice" });
    insertEntry(db, kase.id, { description: "CERTIFICATE OF SERVICE by Doe re motion" });
    insertEntry(db, kase.id, { kind: "motion", description: "MOTION to Quash Administrative Subpoena" });
    await worker.runOnce();
    expect(smtp.received.map((r) => r.mail.text)).toHaveLength(1);
    expect(smtp.received[0]!.mail.text).toContain("MOTION to Quash Administrative Subpoena");
  });

  it("matches a saved query against the entry's public text", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db);
    follow({ target: "query", query: '"motion to quash" meta' }).confirm();
    insertEntry(db, kase.id, { description: "MOTION to Quash subpoena to Meta Platforms" });
    insertEntry(db, kase.id, { description: "MOTION to Quash subpoena to Google" });
    await worker.runOnce();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.text).toContain("Meta Platforms");
  });

  it("reads a saved query as the public search does: stems, OR, -exclusions, and only the public text", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db);
    follow({ target: "query", query: "quashing OR unmask -google" }).confirm();
    insertEntry(db, kase.id, { description: "MOTION to Quash subpoena to Meta Platforms" });
    insertEntry(db, kase.id, { description: "Brief on attempts to unmask the operator" });
    insertEntry(db, kase.id, { description: "MOTION to Quash subpoena to Google" });
    insertEntry(db, kase.id, { sealed: true, description: "SEALED motion to quash naming the operator" });
    await worker.runOnce();
    expect(
      smtp.received.map((r) => (r.mail.text ?? "").includes("Meta Platforms") || (r.mail.text ?? "").includes("unmask the operator")),
    ).toEqual([true, true]);

    // An SSN is redacted before indexing: a saved query for its digits can never tell that an entry holds it.
    follow({ target: "query", query: '"219-09-9996"', email: "other@example.org" }).confirm();
    insertEntry(db, kase.id, { description: "DECLARATION (SSN 219-09-9996)" });
    await worker.runOnce();
    expect(smtp.received.filter((r) => r.to.includes("other@example.org"))).toHaveLength(0);
  });

  it("gathers a daily subscriber's updates into one digest at 07:00 in San Francisco", async () => {
    const { db, clock, worker, follow } = setUp();
    const kase = insertCase(db, { caption: "Doe v. DHS" });
    follow({ target: "case", targetId: kase.id, frequency: "daily" }).confirm();
    insertEntry(db, kase.id, { description: "First entry of the day" });
    insertEntry(db, kase.id, { description: "Second entry of the day" });
    expect((await worker.runOnce()).sent).toBe(0);
    clock.set("2026-11-22T14:59:00.000Z");
    expect((await worker.runOnce()).sent).toBe(0);
    clock.set("2026-11-22T15:00:00.000Z"); // 07:00 PST
    expect((await worker.runOnce()).sent).toBe(2);
    expect(smtp.received).toHaveLength(1);
    const { mail } = smtp.received[0]!;
    expect(mail.subject).toBe("Daily digest: 2 updates on the case Doe v. DHS");
    expect(mail.text).toContain("First entry of the day");
    expect(mail.text).toContain("Second entry of the day");
    expect(mail.html).toContain("Second entry of the day");
  });

  it("sends nothing more once unsubscribed, including what was already queued", async () => {
    const { db, worker, follow, subs } = setUp();
    const kase = insertCase(db);
    const sub = follow({});
    sub.confirm();
    insertEntry(db, kase.id, { description: "Queued before unsubscribing" });
    expect(subs.cancel(sub.subscriber.id, sub.subscription.id)).toBe(true);
    insertEntry(db, kase.id, { description: "After unsubscribing" });
    await worker.runOnce();
    expect(smtp.received).toHaveLength(0);
  });

  it("never sends an entry sealed after its event was queued, nor one of an unpublished case", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db);
    const hidden = insertCase(db, { published: false });
    follow({}).confirm();
    const entry = insertEntry(db, kase.id, { description: "Declaration naming the account holder" });
    insertEntry(db, hidden.id, { description: "Entry of a case nobody published" });
    createRecordStore(db, testClock).update("entry", entry.id, { sealed: true }, { actor: testActor });
    const run = await worker.runOnce();
    expect(run).toMatchObject({ sent: 0, dropped: 1, postponed: 1 });
    expect(smtp.received).toHaveLength(0);
  });

  it("never sends an entry of a case sealed after its event was queued", async () => {
    const { db, worker, follow } = setUp();
    const kase = insertCase(db);
    follow({}).confirm();
    insertEntry(db, kase.id, { description: "Filed before the case was sealed" });
    createRecordStore(db, testClock).update(
      "case",
      kase.id,
      { sealed: true, sealReason: "court order", sealOrder: "ECF No. 9" },
      { actor: testActor },
    );
    expect(await worker.runOnce()).toMatchObject({ sent: 0, dropped: 1 });
    expect(smtp.received).toHaveLength(0);
  });

  it("retries a message the server refused for now, and gives up on a permanent refusal", async () => {
    const { db, clock, worker, follow } = setUp();
    const kase = insertCase(db);
    follow({}).confirm();
    insertEntry(db, kase.id, { description: "Try me again" });
    smtp.refuse(451);
    expect((await worker.runOnce()).retried).toBe(1);
    smtp.refuse(null);
    clock.advance(31_000);
    expect((await worker.runOnce()).sent).toBe(1);
    insertEntry(db, kase.id, { description: "Refused for good" });
    smtp.refuse(550);
    expect((await worker.runOnce()).failed).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });
});
