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
  insertCourt,
  insertCoverage,
  insertJudge,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkConflict,
} from "../support/factories";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";

describe("judge pages", () => {
  let app: FastifyInstance;
  let db: Db;
  let hixsonId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    const hixson = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", courtId: "cand", initials: "TSH" });
    hixsonId = hixson.id;
    const kang = insertJudge(db, { slug: "peter-h-kang", name: "Peter H. Kang", courtId: "cand" });
    const s01 = insertSource(db, { tag: "S01", publisher: "Politico (copy)" });
    const s42 = insertSource(db, { tag: "S42", publisher: "Casetext", reliability: "court_record" });
    citeSource(db, "judge", hixson.id, s01.id);
    citeSource(db, "judge", hixson.id, s42.id, { field: "name", quote: "Thomas S. Hixson, United States Magistrate Judge" });
    const q1 = insertConflict(db, { code: "Q1", title: "Judge Hixson's middle initial" });
    linkConflict(db, q1.id, "judge", hixson.id, "name");

    const kase = insertCase(db, { slug: "lbprotest", label: "@LBProtest operator's motion to quash", assignedJudgeId: hixson.id });
    insertCase(db, { slug: "referred-case", label: "A referred matter", referredJudgeId: hixson.id, assignedJudgeId: kang.id });
    insertCase(db, { slug: "kang-case", label: "MontCo Community Watch", assignedJudgeId: kang.id });
    const subpoena = insertSubpoena(db);
    const order = insertOrder(db, kase.id, {
      slug: "hixson-non-production",
      title: "Order that Meta not produce",
      judgeId: hixson.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    citeSource(db, "order", order.id, s01.id, { field: "dateSigned", inferred: true, inferredReason: "Friday after the Thursday filing." });
    insertCoverage(db, order.id, subpoena.id, { status: "moot", statusReason: "withdrawn" });
  });
  afterEach(async () => app.close());

  it("lists every judge with title, court and counts of cases and orders", async () => {
    const { $ } = await openPage(app, "/judges");
    expect($("h1").text()).toBe("Judges");
    const rows = $("table.judges tbody tr");
    // By surname: Hixson before Kang.
    expect(rows.map((_, tr) => $(tr).find("th > a").text()).get()).toEqual(["Thomas S. Hixson", "Peter H. Kang"]);
    const hixson = rows.filter((_, tr) => $(tr).find("th a").attr("href") === "/judges/thomas-s-hixson");
    const cells = hixson
      .find("td")
      .map((_, td) => $(td).clone().find("sup").remove().end().text().trim())
      .get();
    expect(cells).toEqual(["U.S. Magistrate Judge", "N.D. Cal.", "2", "1"]);
    expect(
      hixson
        .find("th sup.src a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(["S42"]);
    expect(hixson.find(".conflict-note a").attr("href")).toBe("/sources#conflict-Q1");
    const kang = rows.filter((_, tr) => $(tr).find("th a").attr("href") === "/judges/peter-h-kang");
    expect(kang.find("td").eq(2).text()).toBe("2");
    expect(kang.find("td").eq(3).text()).toBe("0");
  });

  it("shows one judge's facts with their sources and the conflict about the name", async () => {
    const { $ } = await openPage(app, "/judges/thomas-s-hixson");
    expect($("h1").text()).toBe("Thomas S. Hixson");
    expect($("title").text()).toContain("U.S. Magistrate Judge Thomas S. Hixson");
    const nameMarker = $("h1").next().find("sup.src a");
    expect(nameMarker.text()).toBe("S42");
    expect(nameMarker.attr("href")).toBe("/sources#source-S42");
    expect(nameMarker.attr("title")).toContain("Court record");
    expect($(".conflict-note a").attr("href")).toBe("/sources#conflict-Q1");
    const facts = $("dl.facts").text().replace(/\s+/g, " ");
    expect(facts).toContain("U.S. District Court for the Northern District of California (N.D. Cal.)");
    expect(facts).toContain("TSH");
    expect(facts).toContain("2 cases, 1 order signed");
  });

  it("lists the cases assigned and referred, and the orders signed", async () => {
    const $ = parseHtml((await app.inject("/judges/thomas-s-hixson")).body);
    expect($("#assigned-heading").parent().find("li h3 a").attr("href")).toBe("/cases/lbprotest");
    expect($("#referred-heading").parent().find("li h3 a").attr("href")).toBe("/cases/referred-case");
    const order = $("table.judge-orders tbody tr");
    expect(order).toHaveLength(1);
    expect(order.find("th a").attr("href")).toBe("/orders/hixson-non-production");
    expect(order.find("td a").attr("href")).toBe("/cases/lbprotest");
    expect(order.find("time").text()).toBe("September 19, 2025");
    expect(order.find(".badge-warn").attr("title")).toContain("Friday after the Thursday filing");
    expect(order.text()).toContain("No longer in force");
  });

  it("says unknown rather than inventing initials, and tells when no case or order names the judge", async () => {
    insertJudge(db, { slug: "alex-g-tse", name: "Alex G. Tse", title: "Magistrate Judge" });
    const $ = parseHtml((await app.inject("/judges/alex-g-tse")).body);
    expect($("dl.facts dd").eq(1).text().trim()).toBe("unknown");
    expect($("dl.facts dd").eq(2).text().trim()).toBe("unknown");
    expect($("#assigned-heading").parent().text()).toContain("No case in the record is assigned to this judge.");
    expect($("#referred-heading")).toHaveLength(0);
    expect($("#orders-heading").parent().text()).toContain("No order in the record is signed by this judge.");
  });

  it("answers a real 404 page for an unknown or removed judge", async () => {
    const res = await app.inject("/judges/no-such-judge");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(parseHtml(res.body)("h1").text()).toBe("Page not found");

    await app.inject("/judges/thomas-s-hixson");
    createRecordStore(db, testClock).remove("judge", hixsonId, { actor: testActor });
    expect((await app.inject("/judges/thomas-s-hixson")).statusCode).toBe(404);
    const index = parseHtml((await app.inject("/judges")).body);
    expect(index("table.judges tbody tr")).toHaveLength(1);
  });
});
