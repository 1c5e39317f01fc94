import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders } from "../../db/schema";
import { createRecordStore } from "../../server/records/store";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import {
  citeSource,
  insertAccount,
  insertCase,
  insertConflict,
  insertCourt,
  insertCoverage,
  insertDisposition,
  insertEntry,
  insertEvent,
  insertJudge,
  insertMotion,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkConflict,
  linkEvent,
  holdRecord,
} from "../support/factories";
import { collapseWhitespace, parseHtml } from "../support/html";

const BASE = "http://127.0.0.1:3000";

/*
 * An order's own page and an event's own page (/orders/{slug}, /events/{slug}): the record in
 * full as the public projection shows it, "Cite this page", its place in the sitemap, and the
 * same 404 for what the public may not see as for what does not exist.
 */
describe("an order's page and an event's page", () => {
  let app: FastifyInstance;
  let db: Db;
  let ids: { kase: number; order: number; entry: number; motion: number; event: number };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp({ config: { publicUrl: BASE } }));
    insertCourt(db);
    const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", courtId: "cand" });
    const kase = insertCase(db, {
      slug: "lbprotest",
      label: "@LBProtest",
      caption: "Doe v. DHS",
      courtId: "cand",
      docketNumber: "3:25-mc-80200",
    });
    const entry = insertEntry(db, kase.id, { number: 12, description: "ORDER that Meta not produce." });
    const subpoena = insertSubpoena(db, { slug: "dhs-2025-09-03", title: "DHS subpoena to Meta of 3 Sep 2025" });
    const account = insertAccount(db, { slug: "lbprotest", handle: "@LBProtest" });
    const order = insertOrder(db, kase.id, {
      slug: "hixson-non-production",
      title: "Order that Meta not produce",
      judgeId: judge.id,
      entryId: entry.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
      summary: "Meta directed not to produce pending a decision.",
    });
    const s01 = insertSource(db, { tag: "S01", publisher: "Politico (copy)" });
    citeSource(db, "order", order.id, s01.id, { verifiedAgainstDocket: true });
    citeSource(db, "order", order.id, s01.id, { field: "dateSigned", inferred: true, inferredReason: "Politico says Friday." });
    insertCoverage(db, order.id, subpoena.id, { accountId: account.id, status: "in_force" });
    const motion = insertMotion(db, kase.id, { title: "Motion to quash DHS subpoena" });
    insertDisposition(db, order.id, motion.id, "granted_in_part");
    const q5 = insertConflict(db, { code: "Q5", title: "Date of the order" });
    linkConflict(db, q5.id, "order", order.id);
    const event = insertEvent(db, {
      slug: "order-signed",
      kind: "order",
      title: "Judge Hixson orders Meta not to produce",
      caseId: kase.id,
      date: "2025-09-19",
    });
    linkEvent(db, event.id, "order", order.id);
    citeSource(db, "event", event.id, s01.id);
    ids = { kase: kase.id, order: order.id, entry: entry.id, motion: motion.id, event: event.id };
  });
  afterEach(async () => app.close());

  const page = async (url: string) => {
    const res = await app.inject(url);
    return { res, $: parseHtml(res.body) };
  };

  it("shows the order in full: date, case, court, judge, ECF No. linked to the entry, what it decided and protects, sources, conflicts", async () => {
    const { res, $ } = await page("/orders/hixson-non-production");
    expect(res.statusCode).toBe(200);
    expect(collapseWhitespace($("h1").text())).toContain("Order that Meta not produce");
    const facts = $("dl.facts");
    expect(facts.find("dt:contains('Signed') + dd").text()).toContain("inferred");
    expect(facts.find("dt:contains('Judge') + dd a").attr("href")).toBe("/judges/thomas-s-hixson");
    expect(facts.find("dt:contains('Case') + dd a").attr("href")).toBe("/cases/lbprotest");
    const ecf = facts.find("dt:contains('Docket entry') + dd a");
    expect(ecf.text()).toBe("ECF No. 12");
    expect(ecf.attr("href")).toBe(`/cases/lbprotest/entries/${ids.entry}`);
    expect($("#decided-heading").parent().find(`a[href='/cases/lbprotest/motions/${ids.motion}']`)).toHaveLength(1);
    expect($("#protects-heading").parent().find("table.coverage td[data-label='Account']").text()).toContain("@LBProtest");
    const sources = $("#sources table tbody tr");
    expect(sources.length).toBe(2);
    expect(sources.first().text()).toContain("checked against the docket");
    expect($(".conflict-note").text()).toContain("Q5");
    // Cite this page: the permalink, the last change and the citation with its ECF No.
    const cite = $("section.cite-box");
    expect(cite.find("dd a").first().attr("href")).toBe(`${BASE}/orders/hixson-non-production`);
    expect(cite.find(".citation").text()).toContain("Order that Meta not produce, Doe v. DHS, No. 3:25-mc-80200, ECF No. 12 (");
    // Link previews and the canonical address, as on every record page.
    expect($("link[rel='canonical']").attr("href")).toBe(`${BASE}/orders/hixson-non-production`);
    expect($("meta[property='og:title']").attr("content")).toContain("Order that Meta not produce");
  });

  it("gives the ECF No. only when the public may see the entry", async () => {
    db.update(orders)
      .set({ entryId: insertEntry(db, ids.kase, { number: 13 }).id })
      .where(eq(orders.id, ids.order))
      .run();
    holdRecord(db, "entry", ids.entry + 1, ids.kase);
    const { $ } = await page("/orders/hixson-non-production");
    expect($("dl.facts dt:contains('Docket entry') + dd").text()).not.toContain("ECF No.");
  });

  it("answers the same 404 for an order the public may not see as for one that does not exist", async () => {
    const missing = await app.inject("/orders/no-such-order");
    expect(missing.statusCode).toBe(404);
    const sameAsMissing = async (slug: string) => {
      const res = await app.inject(`/orders/${slug}`);
      expect(res.statusCode, slug).toBe(404);
      expect(res.body.replaceAll(slug, "X"), slug).toBe(missing.body.replaceAll("no-such-order", "X"));
      expect(res.body, slug).not.toContain("SECRET");
    };
    const sealed = insertCase(db, { slug: "sealed-one", sealed: true });
    const unpublished = insertCase(db, { slug: "not-yet", published: false });
    insertOrder(db, sealed.id, { slug: "of-sealed", title: "SECRET sealed" });
    insertOrder(db, unpublished.id, { slug: "of-unpublished", title: "SECRET unpublished" });
    const deleted = insertOrder(db, ids.kase, { slug: "deleted", title: "SECRET deleted" });
    db.update(orders).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(orders.id, deleted.id)).run();
    const held = insertOrder(db, ids.kase, { slug: "held", title: "SECRET held" });
    holdRecord(db, "order", held.id, ids.kase);
    for (const slug of ["of-sealed", "of-unpublished", "deleted", "held"]) await sameAsMissing(slug);
    // The sitemap names none of them, and names the public order's page.
    const sitemap = (await app.inject("/sitemap.xml")).body;
    expect(sitemap).toContain(`<loc>${BASE}/orders/hixson-non-production</loc>`);
    for (const slug of ["of-sealed", "of-unpublished", "deleted", "held"]) expect(sitemap).not.toContain(`/orders/${slug}<`);
  });

  it("drops the stored page when the order or its entry changes through the record store", async () => {
    const first = await app.inject("/orders/hixson-non-production");
    expect(first.headers.etag).toBeDefined();
    expect(first.headers["cache-control"]).toMatch(/^public/);
    expect(first.headers["last-modified"]).toBeDefined();
    const again = await app.inject({ url: "/orders/hixson-non-production", headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const store = createRecordStore(db, testClock);
    store.update("order", ids.order, { summary: "A summary changed by staff." }, { actor: testActor });
    const changed = await app.inject("/orders/hixson-non-production");
    expect(changed.body).toContain("A summary changed by staff.");
    store.update("entry", ids.entry, { number: 14 }, { actor: testActor });
    expect((await app.inject("/orders/hixson-non-production")).body).toContain("ECF No. 14");
  });

  it("follows an order moved to another case: its page is not left stored under the old one", async () => {
    const other = insertCase(db, { slug: "montco", caption: "J. Doe v. DHS (MontCo)" });
    // Stored now, under the case it is in; the move below is a write to the order alone.
    expect((await app.inject("/orders/hixson-non-production")).statusCode).toBe(200);
    createRecordStore(db, testClock).update("order", ids.order, { caseId: other.id, entryId: null }, { actor: testActor });
    const { $ } = await page("/orders/hixson-non-production");
    expect($("dl.facts dt:contains('Case') + dd a").attr("href")).toBe("/cases/montco");
  });

  it("links the lists, the judge's page and the docket's order card to the order's page, keeping the anchors", async () => {
    const lists = await page("/orders");
    expect(lists.$("li#order-hixson-non-production h3 a").attr("href")).toBe("/orders/hixson-non-production");
    const docket = await page("/cases/lbprotest");
    expect(docket.$("li#order-hixson-non-production h3 a").attr("href")).toBe("/orders/hixson-non-production");
    const judge = await page("/judges/thomas-s-hixson");
    expect(judge.$("a[href='/orders/hixson-non-production']").length).toBeGreaterThan(0);
    const timeline = await page("/timeline");
    expect(timeline.$("li#event-order-signed h3 a").attr("href")).toBe("/events/order-signed");
  });

  it("shows an event in full with the order it tells of and that order's ECF No., and its cite box", async () => {
    const { res, $ } = await page("/events/order-signed");
    expect(res.statusCode).toBe(200);
    expect($("h1").text()).toContain("Judge Hixson orders Meta not to produce");
    const facts = $("dl.facts");
    expect(facts.find("dt:contains('Case') + dd a").attr("href")).toBe("/cases/lbprotest");
    expect(facts.find("dt:contains('Judge') + dd a").attr("href")).toBe("/judges/thomas-s-hixson");
    expect(facts.find("dt:contains('Order') + dd a").first().attr("href")).toBe("/orders/hixson-non-production");
    expect(facts.find(`dt:contains('Order') + dd a[href='/cases/lbprotest/entries/${ids.entry}']`).text()).toBe("ECF No. 12");
    expect($("#sources table tbody tr")).toHaveLength(1);
    const cite = $("section.cite-box");
    expect(cite.find("dd a").first().attr("href")).toBe(`${BASE}/events/order-signed`);
    expect(cite.find(".citation").text()).toContain("Doe v. DHS, Judge Hixson orders Meta not to produce (Sept. 19, 2025)");
    expect($("link[rel='canonical']").attr("href")).toBe(`${BASE}/events/order-signed`);
    expect((await app.inject("/sitemap.xml")).body).toContain(`<loc>${BASE}/events/order-signed</loc>`);
  });

  it("answers the same 404 for an event the public may not see as for one that does not exist", async () => {
    const missing = await app.inject("/events/no-such-event");
    expect(missing.statusCode).toBe(404);
    const unpublished = insertCase(db, { slug: "not-yet", published: false });
    insertEvent(db, { slug: "of-unpublished", title: "SECRET unpublished", caseId: unpublished.id });
    const held = insertEvent(db, { slug: "held", title: "SECRET held" });
    holdRecord(db, "event", held.id, null);
    for (const slug of ["of-unpublished", "held"]) {
      const res = await app.inject(`/events/${slug}`);
      expect(res.statusCode, slug).toBe(404);
      expect(res.body.replaceAll(slug, "X"), slug).toBe(missing.body.replaceAll("no-such-event", "X"));
      expect(res.body, slug).not.toContain("SECRET");
    }
  });

  it("points the timeline's CSV, API and Atom links at the item's own page", async () => {
    const csv = (await app.inject("/timeline.csv")).body;
    expect(csv).toContain(`${BASE}/events/order-signed`);
    const api = JSON.parse((await app.inject("/api/v1/timeline")).body) as { data: { htmlUrl: string }[] };
    expect(api.data.map((i) => i.htmlUrl)).toContain(`${BASE}/events/order-signed`);
    const atom = (await app.inject("/feed.atom")).body;
    expect(atom).toContain(`href="${BASE}/events/order-signed"`);
  });
});
