import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import {
  citeSource,
  insertCase,
  insertConflict,
  insertCoverage,
  insertEntry,
  insertEvent,
  insertJudge,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkConflict,
} from "../support/factories";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";

describe("sources page", () => {
  let app: FastifyInstance;
  let db: Db;
  let ids: Record<string, number>;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const s01 = insertSource(db, {
      tag: "S01",
      title: "DHS subpoena story",
      publisher: "Politico (copy)",
      url: "https://finnoexpert.com/?p=148304",
      description: "Copy of a Politico article; undated copy",
      reliability: "secondary",
      reliabilityNote: "Politico origin inferred from that wording; good detail; mirror",
    });
    const s09 = insertSource(db, {
      tag: "S09",
      title: "Federal judge blocks DHS subpoena",
      publisher: "crene.com",
      url: "https://crene.com/articles/15082",
      reliability: "unreliable",
      reliabilityNote: "Contains quotes from people who appear not to exist",
      datePublished: "2025-09-01",
      datePublishedPrecision: "month",
    });
    const s42 = insertSource(db, {
      tag: "S42",
      title: "Salarzadeh v. Meta Platforms",
      publisher: "Casetext",
      reliability: "court_record",
      url: null,
    });

    const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson" });
    const kase = insertCase(db, { slug: "lbprotest", label: "@LBProtest operator's motion to quash" });
    const subpoena = insertSubpoena(db, { slug: "dhs-2025-09-03", title: "DHS subpoena to Meta of 3 Sep 2025" });
    const order = insertOrder(db, kase.id, { slug: "hixson-non-production", title: "Order that Meta not produce" });
    const coverage = insertCoverage(db, order.id, subpoena.id);
    const event = insertEvent(db, { slug: "withdrawal", title: "DHS withdraws the September subpoena" });
    const sealed = insertEntry(db, kase.id, { number: 7, description: "Secret declaration naming the movant", sealed: true });
    citeSource(db, "judge", judge.id, s01.id);
    citeSource(db, "judge", judge.id, s42.id, { field: "name" });
    citeSource(db, "case", kase.id, s01.id, { inferred: true, inferredReason: "same subpoena" });

    const q1 = insertConflict(db, { code: "Q1", title: "Judge Hixson's middle initial", description: "S01 says only Thomas Hixson." });
    linkConflict(db, q1.id, "judge", judge.id, "name");
    citeSource(db, "conflict", q1.id, s42.id);
    const q5 = insertConflict(db, { code: "Q5", title: "Date of the withdrawal", description: "Only November 2025." });
    for (const [type, id] of [
      ["case", kase.id],
      ["subpoena", subpoena.id],
      ["order", order.id],
      ["event", event.id],
      ["coverage", coverage.id],
      ["entry", sealed.id],
    ] as const) {
      linkConflict(db, q5.id, type, id);
    }
    insertConflict(db, {
      code: "Q13",
      title: "Unreliable LA-case coverage",
      description: "crene.com quotes.",
      status: "resolved",
      resolution: "Not used.",
    });
    ids = { s09: s09.id, event: event.id, sealed: sealed.id };
  });
  afterEach(async () => app.close());

  it("lists every source with its anchor, link, reliability and how many facts it backs", async () => {
    const { $ } = await openPage(app, "/sources");
    expect($("h1").text()).toBe("Sources");
    expect(
      $("table.sources tbody tr")
        .map((_, tr) => $(tr).attr("id"))
        .get(),
    ).toEqual(["source-S01", "source-S09", "source-S42"]);
    const s01 = $("#source-S01");
    const link = s01.find("a[href='https://finnoexpert.com/?p=148304']");
    expect(link.text()).toBe("DHS subpoena story");
    expect(link.attr("rel")).toBe("nofollow noopener");
    expect(s01.text()).toContain("Politico (copy)");
    expect(s01.text()).toContain("Copy of a Politico article; undated copy");
    expect(s01.text()).toContain("undated");
    expect(s01.find(".badge").text()).toBe("Secondary source");
    expect(s01.text()).toContain("Politico origin inferred from that wording");
    expect(s01.find("td").last().text()).toBe("2 facts");
    const s09 = $("#source-S09");
    expect(s09.find(".badge").text()).toBe("Unreliable source");
    expect(s09.find("time").text()).toBe("September 2025");
    expect($("#source-S42 td").first().find("a")).toHaveLength(0);
    expect($("#source-S42 td").last().text()).toBe("2 facts");
  });

  it("is where the source markers on other pages lead", async () => {
    const judgePage = parseHtml((await app.inject("/judges/thomas-s-hixson")).body);
    const href = judgePage("h1").next().find("sup.src a").attr("href")!;
    expect(href).toBe("/sources#source-S42");
    const $ = parseHtml((await app.inject("/sources")).body);
    expect($(`#${href.split("#")[1]}`)).toHaveLength(1);
  });

  it("filters by reliability and answers 400 for a level that does not exist", async () => {
    const $ = parseHtml((await app.inject("/sources?reliability=unreliable")).body);
    expect(
      $("table.sources tbody tr")
        .map((_, tr) => $(tr).attr("id"))
        .get(),
    ).toEqual(["source-S09"]);
    expect($("h1").text()).toBe("Sources: Unreliable source");
    expect($("select[name=reliability] option[selected]").text()).toBe("Unreliable source (1)");

    const bad = await app.inject("/sources?reliability=gossip");
    expect(bad.statusCode).toBe(400);
    const page = parseHtml(bad.body);
    expect(page("h1")).toHaveLength(1);
    expect(page("#reliability-error").text()).toContain("must be one of the reliability levels");
    expect(page("select[name=reliability]").attr("aria-invalid")).toBe("true");
  });

  it("says how much was checked against a docket, from the citations themselves", async () => {
    let $ = parseHtml((await app.inject("/sources")).body);
    let text = $("#verification-heading").parent().text();
    expect(text).toContain("No docket was read directly: none of the 4 citations in the record has been checked against a docket.");
    expect(text).toContain("1 citation marks its fact as inferred");
    citeSource(db, "event", ids.event!, ids.s09!, { verifiedAgainstDocket: true });
    $ = parseHtml((await app.inject("/sources")).body);
    text = $("#verification-heading").parent().text();
    expect(text).toContain("1 of the 5 citations in the record has been checked against a docket; the other 4 have not.");
  });

  it("lists the conflicts with anchors, open before resolved, linking every record they affect", async () => {
    const $ = parseHtml((await app.inject("/sources")).body);
    const q1 = $("#conflict-Q1");
    expect(q1.find("h4").text()).toContain("Judge Hixson's middle initial");
    expect(q1.find(".badge").text()).toBe("Open");
    expect(q1.find("ul a").attr("href")).toBe("/judges/thomas-s-hixson");
    expect(q1.find("ul a").text()).toBe("U.S. Magistrate Judge Thomas S. Hixson");
    expect(q1.text()).toContain("(field: name)");
    expect(q1.find("h4 sup.src a").attr("href")).toBe("/sources#source-S42");

    const links = $("#conflict-Q5 ul a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links).toEqual([
      "/cases/lbprotest",
      "/subpoenas/dhs-2025-09-03",
      "/orders/hixson-non-production",
      "/events/withdrawal",
      "/orders/hixson-non-production",
      `/cases/lbprotest#entry-${ids.sealed}`,
    ]);
    // A sealed entry is named by number only.
    expect($("#conflict-Q5").text()).toContain("ECF No. 7");
    expect($("#conflict-Q5").text()).not.toContain("Secret declaration");

    const headings = $("#conflicts-heading")
      .parent()
      .find("h3")
      .map((_, h) => $(h).text())
      .get();
    expect(headings).toEqual(["Open", "Resolved"]);
    const resolved = $("#conflict-Q13");
    expect(resolved.find(".badge").text()).toBe("Resolved");
    expect(resolved.text()).toContain("Not used.");
  });

  it("does not link a removed record from a conflict", async () => {
    createRecordStore(db, testClock).remove("event", ids.event!, { actor: testActor });
    const $ = parseHtml((await app.inject("/sources")).body);
    expect($("#conflict-Q5 a[href='/events/withdrawal']")).toHaveLength(0);
    expect($("#conflict-Q5 ul li")).toHaveLength(5);
  });
});
