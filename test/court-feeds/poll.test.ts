import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as s from "../../db/schema";
import { createJobsRepository } from "../../server/jobs/repository";
import { createCourtFeedsRepository } from "../../server/court-feeds/repository";
import { createFreshnessRepository } from "../../server/freshness/repository";
import { parseHtml, collapseWhitespace } from "../support/html";
import { TEST_NOW } from "../support/db";
import { courtFeed, entriesOf, NEW_ORDER, OTHER_ITEMS, SUMMONS, watchedCaseWithFeed } from "./support/setup";

const JOB = "rss-poll:cand";
type Setup = Awaited<ReturnType<typeof watchedCaseWithFeed>>;
let setup: Setup | undefined;
afterEach(async () => {
  await setup?.app.close();
  await setup?.feed.close();
  setup = undefined;
});

const MIN = 60_000;
const at = (ms: number) => new Date(new Date(TEST_NOW).getTime() + ms).toISOString();
const counts = (db: Setup["db"]) => ({
  entries: db.select().from(s.docketEntries).all().length,
  cases: db.select().from(s.cases).all().length,
  imports: db.select().from(s.imports).all().length,
  revisions: db.select().from(s.revisions).all().length,
});

describe("polling a court's RSS feed", () => {
  it("merges the new item of the watched case once, leaves the fuller docket text alone, and drops every other case's items", async () => {
    setup = await watchedCaseWithFeed();
    const { app, db, feed, caseId } = setup;
    feed.setFeed(courtFeed([NEW_ORDER, SUMMONS]));
    const before = counts(db);
    const summons = entriesOf(db, caseId).find((e) => e.number === 3)!;

    const [outcome] = await app.jobs.runDue();
    expect(outcome).toMatchObject({ ran: true, ok: true });
    const entries = entriesOf(db, caseId);
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const order = entries.find((e) => e.number === 7)!;
    expect(order).toMatchObject({
      source: "rss",
      description: "Order Setting Case Management Conference",
      dateEntered: "2023-09-15",
      pacerDocId: "035023530001",
    });
    // The docket report's text of entry 3 stays; the feed only fills what was missing.
    expect(entries.find((e) => e.number === 3)!.description).toBe(summons.description);
    expect(entries.find((e) => e.number === 3)!.source).toBe("pacer_docket");
    const after = counts(db);
    expect(after.cases).toBe(before.cases);
    expect(after.imports).toBe(before.imports + 1);
    const source = db.select().from(s.sources).where(eq(s.sources.title, "PACER RSS feed of 2023-09-15")).get();
    expect(source).toBeDefined();
    const job = createJobsRepository(db).find(JOB)!;
    expect(job.lastResult).toBe(
      `2 new items for watched cases merged as import #${after.imports} (1 entry created, 1 updated); ${OTHER_ITEMS} items of cases not watched dropped`,
    );
    expect(createFreshnessRepository(db).freshness(caseId)).toMatchObject({
      lastRssCheckAt: TEST_NOW,
      lastRssItemAt: "2023-09-15T23:05:00.000Z",
    });
    // It goes out like any new entry: the case's public Atom feed carries it, citing the RSS feed.
    const slug = db.select().from(s.cases).where(eq(s.cases.id, caseId)).get()!.slug;
    const atom = await app.inject({ url: `/cases/${slug}/feed.atom` });
    expect(atom.statusCode).toBe(200);
    const atomEntry = atom.body.split("<entry>").find((e) => e.includes("Order Setting Case Management Conference"));
    expect(atomEntry).toContain("from the PACER RSS feed");
    expect(atomEntry).toContain(`/sources#source-${source!.tag}`);
    expect(feed.requests[0]!["user-agent"]).toMatch(/^Quash\/\S+ \(docket tracker; \+http:\/\/127\.0\.0\.1:3000\)$/);

    // The same feed again: the court answers 304 to our ETag, and nothing is written.
    const second = await app.jobs.runNow(JOB);
    expect(second).toMatchObject({ ok: true, summary: "the feed had not changed since the last poll (304)" });
    expect(counts(db)).toEqual(after);

    // The court rebuilt the feed (new bytes, new ETag) still listing the same filings: nothing new to merge.
    feed.setFeed(courtFeed([NEW_ORDER, SUMMONS], "Fri, 15 Sep 2023 23:40:00 GMT"));
    expect(await app.jobs.runNow(JOB)).toMatchObject({
      ok: true,
      summary: `${OTHER_ITEMS + 2} items read, none new for a watched case; ${OTHER_ITEMS} items of cases not watched dropped`,
    });
    expect(counts(db)).toEqual(after);
    expect(entriesOf(db, caseId).filter((e) => e.number === 7)).toHaveLength(1);
  });

  it("a feed item whose text carries an FRCP 5.2 identifier is merged but held by the publication guard, never shown", async () => {
    setup = await watchedCaseWithFeed();
    const { app, db, feed, caseId } = setup;
    const exhibit = { ...NEW_ORDER, number: "8", docId: "035023530002", seq: "32", short: "Exhibit A, SSN 412-67-3021" };
    feed.setFeed(courtFeed([exhibit]));
    expect((await app.jobs.runDue())[0]).toMatchObject({ ok: true });
    const entry = entriesOf(db, caseId).find((e) => e.number === 8)!;
    expect(entry).toBeDefined();
    const holds = db.select().from(s.publicationHolds).all();
    expect(holds).toContainEqual(expect.objectContaining({ recordType: "entry", recordId: String(entry.id), status: "held" }));
    const slug = db.select().from(s.cases).where(eq(s.cases.id, caseId)).get()!.slug;
    for (const url of [`/cases/${slug}`, `/cases/${slug}/feed.atom`, `/api/v1/cases/${slug}`]) {
      expect((await app.inject({ url })).body, url).not.toContain("412-67-3021");
    }
  });

  it("sends the stored ETag and Last-Modified back", async () => {
    setup = await watchedCaseWithFeed();
    setup.feed.setFeed(courtFeed([NEW_ORDER]));
    await setup.app.jobs.runDue();
    await setup.app.jobs.runNow(JOB);
    expect(setup.feed.requests[0]!["if-none-match"]).toBeUndefined();
    expect(setup.feed.requests[1]!["if-none-match"]).toMatch(/^"[0-9a-f]{16}"$/);
    expect(setup.feed.requests[1]!["if-modified-since"]).toMatch(/GMT$/);
  });

  it("a later docket report replaces the feed's stub with the full text", async () => {
    setup = await watchedCaseWithFeed();
    setup.feed.setFeed(courtFeed([NEW_ORDER]));
    await setup.app.jobs.runDue();
    const stub = entriesOf(setup.db, setup.caseId).find((e) => e.number === 7)!;
    expect(stub.source).toBe("rss");
    // Staff later upload the notice for the same filing: the fuller text wins, the stub stays in the revisions.
    const { importOk } = await import("../imports/support");
    const nef = Buffer.from(
      `<html><body><p>The following transaction was entered on 9/15/2023 at 4:05 PM PDT and filed on 9/15/2023</p><table><tr><td>Case Name:</td><td>T. v. OpenAI LP et al</td></tr><tr><td>Case Number:</td><td><a href="https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?417177">3:23-cv-04557-JCS</a></td></tr><tr><td>Document Number:</td><td><a href="https://ecf.cand.uscourts.gov/doc1/035123530001?caseid=417177&de_seq_num=31&magic_num=1">7</a></td></tr></table><p><strong>Docket Text:</strong><br>ORDER SETTING CASE MANAGEMENT CONFERENCE: Case Management Conference set for 11/1/2023. Signed by Magistrate Judge Joseph C. Spero on 9/15/2023.</p><p>Notice has been electronically mailed to:</p></body></html>`,
    );
    await importOk(setup.db, setup.dataDir, "cand_nef.html", nef);
    const upgraded = entriesOf(setup.db, setup.caseId).find((e) => e.number === 7)!;
    expect(upgraded.id).toBe(stub.id);
    expect(upgraded.source).toBe("nef");
    expect(upgraded.description).toMatch(/^ORDER SETTING CASE MANAGEMENT CONFERENCE/);
    expect(createFreshnessRepository(setup.db).freshness(setup.caseId)?.lastNefAt).toBe(TEST_NOW);
  });

  it("an unwatched case's items are never imported, even when the case is in the tracker", async () => {
    setup = await watchedCaseWithFeed();
    const { db, app, feed, caseId } = setup;
    const { createRecordStore } = await import("../../server/records/store");
    const { testClock } = await import("../support/db");
    createRecordStore(db, testClock).update("case", caseId, { watched: false }, { actor: { userId: null, label: "test" } });
    feed.setFeed(courtFeed([NEW_ORDER]));
    expect(await app.jobs.runDue()).toEqual([]);
    expect(app.jobs.list().find((j) => j.name === JOB)).toBeUndefined();
    expect(entriesOf(db, caseId).map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(feed.requests).toHaveLength(0);
  });
});

describe("a poll that stops part-way loses and duplicates nothing", () => {
  it("a failure inside the poll's transaction rolls all of it back, and the next poll merges the item once", async () => {
    setup = await watchedCaseWithFeed();
    const { app, db, feed, caseId } = setup;
    feed.setFeed(courtFeed([NEW_ORDER]));
    const before = counts(db);
    // The last write of the poll fails, as a full disk or a killed process would stop it after the merge.
    db.$client.exec("CREATE TEMP TRIGGER fail_seen BEFORE INSERT ON feed_items_seen BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const [failed] = await app.jobs.runDue();
    expect(failed).toMatchObject({ ran: true, ok: false, error: expect.stringContaining("disk I/O error") });
    expect(counts(db)).toEqual(before);
    expect(createCourtFeedsRepository(db).feed("cand")!.etag).toBeNull();
    db.$client.exec("DROP TRIGGER fail_seen");

    expect(await app.jobs.runNow(JOB)).toMatchObject({ ok: true });
    expect(entriesOf(db, caseId).filter((e) => e.number === 7)).toHaveLength(1);
    expect(counts(db).imports).toBe(before.imports + 1);
    expect(await app.jobs.runNow(JOB)).toMatchObject({ ok: true, summary: expect.stringContaining("304") });
    expect(entriesOf(db, caseId).filter((e) => e.number === 7)).toHaveLength(1);
  });

  it("a server stopped mid-poll gives the job back due; the next server polls it in full, once", async () => {
    setup = await watchedCaseWithFeed({ timeoutMs: 10_000 });
    const { app, db, feed, caseId } = setup;
    feed.setFeed(courtFeed([NEW_ORDER]));
    feed.next({ kind: "slow", delayMs: 5_000 });
    app.jobs.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(createJobsRepository(db).find(JOB)!.leaseOwner).toBe(app.jobs.owner);
    await app.jobs.stop(50);
    const job = createJobsRepository(db).find(JOB)!;
    expect(job).toMatchObject({ leaseOwner: null, attempts: 0, lastSuccessAt: null });
    expect(entriesOf(db, caseId).map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);

    // A new process on the same database.
    const { buildTestApp } = await import("../support/app");
    const { app: restarted } = await buildTestApp({ db, config: { dataDir: setup.dataDir } });
    try {
      const [outcome] = await restarted.jobs.runDue();
      expect(outcome).toMatchObject({ ok: true });
      expect(entriesOf(db, caseId).filter((e) => e.number === 7)).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });
});

describe("when the court's feed fails", () => {
  it("a 500 backs off from the interval and shows on the staff page in plain words", async () => {
    setup = await watchedCaseWithFeed();
    const { app, db, feed } = setup;
    feed.setFeed(courtFeed([NEW_ORDER]));
    feed.next({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    await app.jobs.runDue();
    let job = createJobsRepository(db).find(JOB)!;
    expect(job).toMatchObject({
      attempts: 1,
      lastError: "the court's feed is down: it answered 500 Internal Server Error",
      nextRunAt: at(30 * MIN),
    });
    await app.jobs.runNow(JOB);
    job = createJobsRepository(db).find(JOB)!;
    expect(job).toMatchObject({ attempts: 2, nextRunAt: at(60 * MIN) });

    const cookie = await setup.editorCookie();
    const page = await app.inject({ url: "/staff/watching", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const row = collapseWhitespace(parseHtml(page.body)("#feed-cand").text());
    expect(row).toContain("court feed down the court's feed is down: it answered 500 Internal Server Error");
    expect(row).toContain("2 failure(s) in a row, backing off");
    expect(row).toContain("in 60 minutes");
    expect(row).toContain("never");

    // Poll now: the button makes the job due; the next look of the runner runs it and it recovers.
    const { csrfFrom, postForm } = await import("../support/auth");
    const polled = await postForm(app, "/staff/watching/feeds/cand/poll", cookie, { _csrf: csrfFrom(page.body) });
    expect(polled.statusCode).toBe(303);
    expect(createJobsRepository(db).find(JOB)!.nextRunAt).toBe(TEST_NOW);
    const [recovered] = await app.jobs.runDue();
    expect(recovered).toMatchObject({ ok: true });
    const again = collapseWhitespace(
      parseHtml((await app.inject({ url: "/staff/watching", headers: { cookie } })).body)("#feed-cand").text(),
    );
    expect(again).toContain("recovered since");
    expect(again).toContain("1 new item for watched cases merged");
  });

  it("a 429 with Retry-After waits as long as the court asked, and a 503 with a date too", async () => {
    setup = await watchedCaseWithFeed();
    const { app, db, feed } = setup;
    feed.setFeed(courtFeed([NEW_ORDER]));
    feed.next({ kind: "status", status: 429, retryAfter: "7200" });
    await app.jobs.runDue();
    expect(createJobsRepository(db).find(JOB)).toMatchObject({
      lastError: "the court's feed answered 429 Too Many Requests; it asked us to wait 2 hours",
      nextRunAt: at(120 * MIN),
    });
    expect(createCourtFeedsRepository(db).feed("cand")!.lastHttpStatus).toBe(429);
    feed.next({ kind: "status", status: 503, retryAfter: new Date(new Date(TEST_NOW).getTime() + 5 * 60 * MIN).toUTCString() });
    await app.jobs.runNow(JOB);
    expect(createJobsRepository(db).find(JOB)).toMatchObject({ attempts: 2, nextRunAt: at(5 * 60 * MIN) });
  });

  it("an answer slower than the timeout fails the poll with the time in words", async () => {
    setup = await watchedCaseWithFeed({ timeoutMs: 300 });
    setup.feed.setFeed(courtFeed([NEW_ORDER]));
    setup.feed.next({ kind: "slow", delayMs: 3000 });
    const [outcome] = await setup.app.jobs.runDue();
    expect(outcome).toMatchObject({ ok: false, error: "the court's feed did not answer within 0.3 s" });
    expect(entriesOf(setup.db, setup.caseId)).toHaveLength(6);
  });

  it("a truncated feed is refused whole: nothing of it is merged", async () => {
    setup = await watchedCaseWithFeed();
    setup.feed.setFeed(courtFeed([NEW_ORDER]));
    setup.feed.next({ kind: "truncated" });
    const before = counts(setup.db);
    const [outcome] = await setup.app.jobs.runDue();
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the court's feed could not be read: not a usable PACER RSS feed: the feed is incomplete/),
    });
    expect(counts(setup.db)).toEqual(before);
    expect(createCourtFeedsRepository(setup.db).feed("cand")!.etag).toBeNull();
  });
});
