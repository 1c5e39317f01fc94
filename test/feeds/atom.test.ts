import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import * as cheerio from "cheerio";
import { parseFeed } from "@rowanmanning/feed-parser";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import {
  citeSource,
  insertCase,
  insertEntry,
  insertEvent,
  insertMotion,
  insertOrder,
  insertSource,
  insertSubpoena,
} from "../support/factories";
import { caseSubpoenas } from "../../db/schema";
import { parseHtml } from "../support/html";

describe("Atom feeds", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    caseId = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" }).id;
    const entry = insertEntry(db, caseId, { number: 1, dateFiled: "2025-09-18", description: "MOTION to Quash filed by J. Doe" });
    insertEntry(db, caseId, { number: 2, dateFiled: "2025-09-19", description: "HIDDEN-DECLARATION-TEXT", sealed: true });
    const source = insertSource(db, { tag: "S02", publisher: "Davis Vanguard" });
    citeSource(db, "entry", entry.id, source.id);
    const subpoena = insertSubpoena(db, { slug: "dhs-meta", title: "DHS subpoena to Meta" });
    db.insert(caseSubpoenas).values({ caseId, subpoenaId: subpoena.id }).run();
    insertEvent(db, {
      slug: "withdrawn",
      kind: "withdrawal",
      title: "DHS withdraws the subpoena",
      date: "2025-11-01",
      datePrecision: "month",
      subpoenaId: subpoena.id,
    });
  });
  afterEach(async () => app.close());

  it("gives a case feed of its entries, newest first, with sources and sealed placeholders", async () => {
    const res = await app.inject("/cases/doe-v-dhs/feed.atom");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/atom+xml");
    const $ = cheerio.load(res.body, { xml: true });
    const titles = $("entry > title")
      .map((_, el) => $(el).text())
      .get();
    // The case's status history comes last: its one step has no date on the record.
    expect(titles).toEqual([
      "Doe v. DHS: SEALED",
      "Doe v. DHS: ECF No. 1 (filed 09/18/2025)",
      "Doe v. DHS: Status unknown (date not on the record)",
    ]);
    expect(res.body).not.toContain("HIDDEN-DECLARATION-TEXT");
    expect($("entry").eq(1).find("content").text()).toContain("Davis Vanguard");
    expect($("entry").eq(1).find("content").text()).toContain("not checked against the docket");
  });

  it("dates a case's decided motion in its status history by the order that decided it", async () => {
    // Two orders of the case; only the later one decided the motion.
    insertOrder(db, caseId, { title: "Order setting a briefing schedule", dateSigned: "2025-10-01", dateSignedPrecision: "day" });
    const ruling = insertOrder(db, caseId, { title: "Order granting the motion", dateSigned: "2025-12-02", dateSignedPrecision: "day" });
    insertMotion(db, caseId, { dateFiled: "2025-09-18", dateFiledPrecision: "day", status: "granted", decidedByOrderId: ruling.id });
    const $ = cheerio.load((await app.inject("/cases/doe-v-dhs/feed.atom")).body, { xml: true });
    const titles = $("entry > title")
      .map((_, el) => $(el).text())
      .get();
    expect(titles).toContain("Doe v. DHS: Motion pending (September 18, 2025)");
    expect(titles[0]).toBe("Doe v. DHS: No motion pending (December 2, 2025)");
  });

  it("gives a subpoena feed with its events at their real precision", async () => {
    const res = await app.inject("/subpoenas/dhs-meta/feed.atom");
    const $ = cheerio.load(res.body, { xml: true });
    const withdrawal = $("entry").filter((_, el) => $(el).find("title").text().includes("withdraws"));
    expect(withdrawal.find("content").text()).toContain("November 2025 (date not known to the day)");
    // Two entries of the challenging case, the withdrawal event, and the status history's one step.
    expect($("entry")).toHaveLength(4);
    const status = $("entry").filter((_, el) => $(el).find("title").text().startsWith("DHS subpoena to Meta: Withdrawn"));
    expect(status.find("title").text()).toBe("DHS subpoena to Meta: Withdrawn (November 2025)");
    expect(status.find("content").text()).toContain("Status change, November 2025 (month known, not the day).");
    expect(status.find("id").text()).toMatch(/^http:\/\/127\.0\.0\.1:3000\/subpoenas\/dhs-meta#status-[0-9a-f]{12}$/);
  });

  it("answers 404 for an unknown case and links the feed from the docket page", async () => {
    expect((await app.inject("/cases/nope/feed.atom")).statusCode).toBe(404);
    const page = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect(page("link[rel=alternate][type='application/atom+xml']").attr("href")).toBe("/cases/doe-v-dhs/feed.atom");
  });

  it("sends a title with an apostrophe or an ampersand once escaped, as a real feed parser reads it back", async () => {
    insertEvent(db, {
      slug: "operator",
      kind: "withdrawal",
      title: "The operator's notice & <reply>",
      date: "2025-11-02",
      subpoenaId: null,
      caseId,
    });
    const res = await app.inject("/cases/doe-v-dhs/feed.atom");
    // type="html": & and < must be escaped once, an apostrophe never (readers that show the title undecoded print "&#39;").
    expect(res.body).not.toContain("operator&#39;s");
    expect(res.body).not.toContain("&amp;amp;");
    const titles = parseFeed(res.body).items.map((item) => item.title);
    expect(titles).toContain("The operator's notice & <reply> (Doe v. DHS)");
  });

  it("has a feed of everything", async () => {
    const res = await app.inject("/feed.atom");
    expect(res.statusCode).toBe(200);
    // Both entries, the event, and every subpoena's status history (here one step).
    expect(cheerio.load(res.body, { xml: true })("entry")).toHaveLength(4);
  });
});
