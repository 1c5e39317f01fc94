import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
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
  insertJudge,
  insertMotion,
  insertOrder,
  insertOrganization,
  insertSource,
  insertSubpoena,
  linkConflict,
} from "../support/factories";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";

describe("orders page", () => {
  let app: FastifyInstance;
  let db: Db;
  let ids: { stay: number; withdrawnCase: number; ruling: number; kase: number };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    const judge = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson", courtId: "cand" });
    const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", kind: "platform" });
    const kase = insertCase(db, { slug: "lbprotest", label: "@LBProtest operator's motion to quash", assignedJudgeId: judge.id });
    const other = insertCase(db, { slug: "montco", label: "MontCo Community Watch", caption: "J. Doe v. DHS" });
    const subpoena = insertSubpoena(db, { slug: "dhs-2025-09-03", title: "DHS subpoena to Meta of 3 Sep 2025" });
    const account = insertAccount(db, { slug: "lbprotest", handle: "@LBProtest" });
    const s01 = insertSource(db, { tag: "S01", publisher: "Politico (copy)" });

    const stay = insertOrder(db, kase.id, {
      slug: "hixson-non-production",
      title: "Order that Meta not produce",
      judgeId: judge.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
      summary: "Meta directed not to produce pending a decision.",
      quotedText: "not to produce the requested information without further order of the Court",
    });
    citeSource(db, "order", stay.id, s01.id);
    citeSource(db, "order", stay.id, s01.id, {
      field: "dateSigned",
      inferred: true,
      inferredReason: "Politico says Friday; the motion was filed Thursday 18 Sep.",
    });
    const cover = insertCoverage(db, stay.id, subpoena.id, { accountId: account.id, addresseeId: meta.id, status: "in_force" });
    citeSource(db, "coverage", cover.id, s01.id);
    const motion = insertMotion(db, kase.id, { title: "Motion to quash DHS subpoena" });
    insertDisposition(db, stay.id, motion.id, "granted_in_part");

    const ended = insertOrder(db, other.id, {
      slug: "kang-non-production",
      title: "Order that Meta not produce (MontCo)",
      dateSigned: "2025-11-01",
      dateSignedLatest: "2025-11-30",
      dateSignedPrecision: "month",
    });
    const endedCover = insertCoverage(db, ended.id, subpoena.id, {
      status: "moot",
      statusReason: "subpoena withdrawn by DHS",
      addresseeId: meta.id,
    });
    const s14 = insertSource(db, { tag: "S14", publisher: "Ars Technica (mirror)" });
    citeSource(db, "coverage", endedCover.id, s14.id, { field: "status" });
    citeSource(db, "order", ended.id, s01.id);
    const q5 = insertConflict(db, { code: "Q5", title: "Date of the withdrawal" });
    linkConflict(db, q5.id, "order", ended.id);

    const ruling = insertOrder(db, kase.id, { slug: "scheduling", title: "Scheduling order", kind: "scheduling" });
    ids = { stay: stay.id, withdrawnCase: other.id, ruling: ruling.id, kase: kase.id };
  });
  afterEach(async () => app.close());

  it("gives an order the ECF No. of its docket entry, linked, unless the public may not see the entry", async () => {
    const entry = insertEntry(db, ids.kase, { number: 17, kind: "order", description: "ORDER that Meta not produce" });
    const gone = insertEntry(db, ids.kase, { number: 18, kind: "order", description: "SCHEDULING ORDER" });
    db.$client.prepare("UPDATE orders SET entry_id = ? WHERE id = ?").run(entry.id, ids.stay);
    db.$client.prepare("UPDATE docket_entries SET deleted_at = ? WHERE id = ?").run(testClock.now(), gone.id);
    db.$client.prepare("UPDATE orders SET entry_id = ? WHERE id = ?").run(gone.id, ids.ruling);
    const $ = parseHtml((await app.inject("/orders")).body);
    const link = $("li#order-hixson-non-production a").filter((_, a) => $(a).text() === "ECF No. 17");
    expect(link.attr("href")).toBe(`/cases/lbprotest/entries/${entry.id}`);
    expect($("li#order-scheduling").text()).not.toContain("ECF No.");
    expect($("li#order-kang-non-production").text()).not.toContain("ECF No.");
  });

  it("has one h1 and groups orders by whether they are in force", async () => {
    const { $ } = await openPage(app, "/orders");
    expect($("h1").text()).toBe("Orders");
    expect($("#in-force").parent().find("li#order-hixson-non-production")).toHaveLength(1);
    expect($("#no-longer-in-force").parent().find("li#order-kang-non-production")).toHaveLength(1);
    expect($("#other-orders").parent().find("li#order-scheduling")).toHaveLength(1);
    expect($("#in-force").parent().find("li")).not.toHaveLength(0);
  });

  it("shows each coverage row: subpoena, account, addressee, end condition and status", async () => {
    const $ = parseHtml((await app.inject("/orders")).body);
    const row = $("#order-hixson-non-production table.coverage tbody tr");
    expect(row).toHaveLength(1);
    expect(row.find("th a").attr("href")).toBe("/subpoenas/dhs-2025-09-03");
    // Cell text without the source markers.
    const cells = row
      .find("td")
      .map((_, td) => $(td).clone().find("sup").remove().end().text().replace(/\s+/g, " ").trim())
      .get();
    expect(cells[0]).toBe("@LBProtest");
    expect(cells[1]).toBe("Meta Platforms, Inc.");
    expect(cells[2]).toBe("until further order of the Court");
    expect(cells[3]).toContain("In force");
    expect(row.find("sup.src a").attr("href")).toBe("/sources#source-S01");

    const ended = $("#order-kang-non-production table.coverage tbody tr");
    expect(ended.text()).toContain("Moot");
    expect(ended.text()).toContain("subpoena withdrawn by DHS");
    expect(ended.find("td").eq(0).text()).toContain("not named");
    // Each cell cites its own field, or else the order that states what it covers.
    const markers = (i: number) =>
      ended
        .find("td")
        .eq(i)
        .find("sup.src a")
        .map((_, a) => $(a).text())
        .get();
    expect(markers(3)).toEqual(["S14"]);
    expect(markers(1)).toEqual(["S01"]);
  });

  it("prints dates with their real precision and badges an inferred date with its reason", async () => {
    const $ = parseHtml((await app.inject("/orders")).body);
    const stay = $("#order-hixson-non-production");
    expect(stay.find("time").first().attr("datetime")).toBe("2025-09-19");
    expect(stay.find("time").first().text()).toBe("September 19, 2025");
    const badge = stay.find(".badge-warn").filter((_, el) => $(el).text().startsWith("inferred"));
    expect(badge.attr("title")).toContain("Politico says Friday");
    expect(badge.find(".visually-hidden").text()).toContain("Politico says Friday");

    const month = $("#order-kang-non-production time").first();
    expect(month.text()).toBe("November 2025");
    expect(month.attr("datetime")).toBe("2025-11");
    expect($("#order-kang-non-production").text()).not.toContain("November 1,");
    expect($("#order-kang-non-production .badge-warn").filter((_, el) => $(el).text().startsWith("inferred"))).toHaveLength(0);
  });

  it("links the case and judge, quotes the order and lists the motions it disposed of", async () => {
    const $ = parseHtml((await app.inject("/orders")).body);
    const card = $("#order-hixson-non-production");
    expect(card.find("a[href='/cases/lbprotest']").text()).toBe("@LBProtest operator's motion to quash");
    expect(card.find("a[href='/judges/thomas-s-hixson']").text()).toBe("U.S. Magistrate Judge Thomas S. Hixson");
    expect(card.find("blockquote").text()).toContain("without further order of the Court");
    expect(card.text()).toContain("Motion to quash DHS subpoena");
    expect(card.text()).toContain("Granted in part");
    expect($("#order-kang-non-production a[href='/cases/montco']").text()).toBe("J. Doe v. DHS");
    expect($("#order-kang-non-production").text()).toContain("judge unknown");
  });

  it("shows a conflict note linking to the conflict on the sources page", async () => {
    const $ = parseHtml((await app.inject("/orders")).body);
    const note = $("#order-kang-non-production .conflict-note");
    expect(note.find("a").attr("href")).toBe("/sources#conflict-Q5");
  });

  it("leaves out removed orders and orders of removed cases", async () => {
    const store = createRecordStore(db, testClock);
    store.remove("order", ids.ruling, { actor: testActor });
    store.remove("case", ids.withdrawnCase, { actor: testActor });
    const $ = parseHtml((await app.inject("/orders")).body);
    expect($("#order-scheduling")).toHaveLength(0);
    expect($("#order-kang-non-production")).toHaveLength(0);
    expect($("#order-hixson-non-production")).toHaveLength(1);
    expect($("#other-orders").parent().text()).toContain("None.");
  });
});
