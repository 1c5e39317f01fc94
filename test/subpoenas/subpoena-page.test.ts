import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { testActor, testClock } from "../support/db";
import { buildTestApp } from "../support/app";
import { collapseWhitespace, parseHtml } from "../support/html";
import {
  citeSource,
  insertAccount,
  insertCase,
  insertConflict,
  insertCourt,
  insertCoverage,
  insertDemand,
  insertEvent,
  insertJudge,
  insertMotion,
  insertNotice,
  insertOrder,
  insertOrganization,
  insertParty,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
  linkConflict,
  linkEvent,
  linkPartyAccount,
  linkSubpoenaAccount,
} from "../support/factories";

describe("subpoena page", () => {
  let app: FastifyInstance;
  let db: Db;
  let ids: { subpoena: number; dhs: number; hixsonOrder: number; caseA: number };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
    const dhs = insertOrganization(db, { slug: "dhs", name: "U.S. Department of Homeland Security", shortName: "DHS" });
    const ice = insertOrganization(db, {
      slug: "ice",
      name: "U.S. Immigration and Customs Enforcement",
      shortName: "ICE",
      parentId: dhs.id,
    });
    const meta = insertOrganization(db, { slug: "meta", name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
    const instagram = insertOrganization(db, { slug: "instagram", name: "Instagram", kind: "platform", parentId: meta.id });
    const hixson = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson" });
    const tse = insertJudge(db, { slug: "alex-g-tse", name: "Alex G. Tse" });

    const sp = insertSubpoena(db, {
      slug: "dhs-meta-2025-09",
      title: "DHS subpoena to Meta of September 3, 2025",
      issuerId: ice.id,
      recipientId: meta.id,
      dateIssued: "2025-09-03",
      dateIssuedPrecision: "day",
      statedPurpose: "Officer Safety / Doxing",
      howKnown: "Meta's notice to the account holders",
      accountsCovered: 6,
    });
    const politico = insertSource(db, { tag: "S01", publisher: "Politico (copy)" });
    const aclu = insertSource(db, { tag: "S02", publisher: "Davis Vanguard" });
    const reason = insertSource(db, { tag: "S29", publisher: "Reason" });
    citeSource(db, "subpoena", sp.id, politico.id);
    citeSource(db, "subpoena", sp.id, politico.id, { field: "statedPurpose", quote: "Officer Safety / Doxing" });
    citeSource(db, "subpoena", sp.id, aclu.id, { field: "accountsCovered" });
    const q4 = insertConflict(db, { code: "Q4", title: "Statute and issuing component of the September subpoena" });
    linkConflict(db, q4.id, "subpoena", sp.id, "authorityCited");

    insertDemand(db, sp.id, "Names tied to the accounts", 1);
    insertDemand(db, sp.id, "Email addresses and phone numbers", 2);

    const lb = insertAccount(db, {
      slug: "lbprotest",
      handle: "@LBProtest",
      platformId: instagram.id,
      description: "Long Beach protest listings",
    });
    const stop = insertAccount(db, { slug: "stopicenet", handle: "@stopicenet", platformId: instagram.id });
    const lone = insertAccount(db, { slug: "lone", handle: "@lonelywatcher", platformId: instagram.id });
    for (const a of [lb, stop, lone]) linkSubpoenaAccount(db, sp.id, a.id);
    citeSource(db, "account", lb.id, aclu.id);
    const notice = insertNotice(db, sp.id, {
      accountId: lb.id,
      platformId: meta.id,
      responseWindowStated: "10 days",
      responseWindowDays: 10,
    });
    citeSource(db, "notice", notice.id, aclu.id);

    const caseA = insertCase(db, {
      slug: "lbprotest-motion",
      label: "@LBProtest operator's motion to quash",
      courtId: "cand",
      assignedJudgeId: hixson.id,
    });
    const caseB = insertCase(db, { slug: "lbrrn-motion", label: "LBRRN motion to quash", courtId: "cand", assignedJudgeId: tse.id });
    linkCaseSubpoena(db, caseA.id, sp.id);
    linkCaseSubpoena(db, caseB.id, sp.id);
    const movantB = insertParty(db, caseB.id, { name: "John Doe", role: "Movant" });
    linkPartyAccount(db, movantB.id, stop.id);

    const orderA = insertOrder(db, caseA.id, {
      slug: "hixson-non-production",
      title: "Order that Meta not produce",
      judgeId: hixson.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    citeSource(db, "order", orderA.id, politico.id);
    citeSource(db, "order", orderA.id, politico.id, {
      field: "dateSigned",
      inferred: true,
      inferredReason: '"on Friday" after the Thursday filing',
    });
    const covA = insertCoverage(db, orderA.id, sp.id, { accountId: lb.id, addresseeId: meta.id });
    citeSource(db, "coverage", covA.id, politico.id);
    const orderB = insertOrder(db, caseB.id, {
      slug: "tse-non-disclosure",
      title: "Order that Meta not disclose",
      judgeId: tse.id,
      dateSigned: "2025-09-22",
      dateSignedPrecision: "day",
    });
    insertCoverage(db, orderB.id, sp.id, { accountId: null, addresseeId: meta.id });

    const motion = insertMotion(db, caseA.id, {
      title: "Motion to quash DHS subpoena",
      dateFiled: "2025-09-18",
      dateFiledPrecision: "day",
    });
    citeSource(db, "motion", motion.id, aclu.id);
    insertMotion(db, caseB.id, { title: "LBRRN motion to quash", status: "moot", decidedByOrderId: orderB.id });

    const issuance = insertEvent(db, { kind: "issuance", title: "DHS sends the subpoena to Meta", date: "2025-09-03", subpoenaId: sp.id });
    citeSource(db, "event", issuance.id, politico.id);
    insertEvent(db, { kind: "post", title: "Earlier post by the accounts", date: "2025-09-02", subpoenaId: sp.id });
    void reason;

    ids = { subpoena: sp.id, dhs: dhs.id, hixsonOrder: orderA.id, caseA: caseA.id };
  });
  afterEach(async () => app.close());

  async function page(url = "/subpoenas/dhs-meta-2025-09") {
    const res = await app.inject(url);
    return { res, $: parseHtml(res.body) };
  }

  it("has one h1 and a status line generated from the orders in force, with its sources", async () => {
    const { res, $ } = await page();
    expect(res.statusCode).toBe(200);
    expect($("h1")).toHaveLength(1);
    expect($("h1").text()).toBe("DHS subpoena to Meta of September 3, 2025");
    const status = $("p.status-line");
    expect(status.attr("data-status")).toBe("stayed");
    expect(collapseWhitespace(status.find(".status-text").text())).toBe(
      "Meta ordered not to produce pending ruling — Magistrate Judges Hixson and Tse, since September 19, 2025 (date inferred)",
    );
    expect(
      status
        .find("sup.src a")
        .map((_, a) => $(a).text())
        .get(),
    ).toContain("S01");
  });

  it("lists the facts with sources, and says unknown beside the conflict for the authority", async () => {
    const { $ } = await page();
    const facts = $("dl.facts");
    const dd = (term: string) =>
      facts
        .find("dt")
        .filter((_, el) => $(el).text() === term)
        .next("dd");
    expect(collapseWhitespace(dd("Issued by").text())).toContain("ICE (DHS)");
    expect(collapseWhitespace(dd("Kind").text())).toContain("Administrative subpoena");
    expect(collapseWhitespace(dd("Authority cited").text())).toContain("unknown");
    expect(dd("Authority cited").find(".conflict-note a").attr("href")).toBe("/sources#conflict-Q4");
    expect(dd("Date issued").find("time").attr("datetime")).toBe("2025-09-03");
    expect(dd("Date issued").find("sup.src a").first().attr("href")).toBe("/sources#source-S01");
    expect(collapseWhitespace(dd("Stated purpose").text())).toContain("Officer Safety / Doxing");
    expect(dd("Stated purpose").find("sup.src a").text()).toBe("S01");
    expect(collapseWhitespace(dd("Return date").text())).toBe("not stated in any source");
    expect(collapseWhitespace(dd("Recipient").text())).toContain("Meta Platforms, Inc. (Meta)");
  });

  it("lists the data demanded, the accounts with their platform, and the notice window as stated", async () => {
    const { $ } = await page();
    expect(
      $("#demands-heading")
        .parent()
        .find("li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(["Names tied to the accounts", "Email addresses and phone numbers"]);
    const accountRows = $("#accounts-heading").parent().find("table").first().find("tbody tr");
    expect(accountRows).toHaveLength(3);
    const lbRow = accountRows.filter((_, tr) => $(tr).text().includes("@LBProtest"));
    expect(collapseWhitespace(lbRow.text())).toContain("Instagram");
    expect(lbRow.find("sup.src a").text()).toBe("S02");
    const noticeRow = $("table[aria-labelledby=notices-heading] tbody tr");
    expect(noticeRow).toHaveLength(1);
    expect(collapseWhitespace(noticeRow.text())).toContain("“10 days”");
    expect(noticeRow.find("time").attr("datetime")).toBe("2025-09-08");
    // No response date is computed from the window.
    expect(noticeRow.text()).not.toContain("September 18");
  });

  it("answers which account is protected by which order in which case, and which is not", async () => {
    const { $ } = await page();
    const rows = $("table.coverage tbody tr");
    expect(rows).toHaveLength(3);
    const row = (handle: string) => rows.filter((_, tr) => $(tr).find("th").text().includes(handle));

    const lb = row("@LBProtest");
    expect(lb.hasClass("covered")).toBe(true);
    expect(lb.find("a[href='/orders/hixson-non-production']").text()).toBe("Order that Meta not produce");
    expect(lb.find("a[href='/judges/thomas-s-hixson']").text()).toBe("U.S. Magistrate Judge Thomas S. Hixson");
    expect(lb.find("a[href='/cases/lbprotest-motion']")).toHaveLength(1);
    expect(lb.find("time").attr("datetime")).toBe("2025-09-19");
    expect(lb.text()).toContain("inferred");
    expect(lb.text()).toContain("In force");
    expect(lb.find("sup.src a").first().text()).toBe("S01");

    const stop = row("@stopicenet");
    expect(stop.find("a[href='/orders/tse-non-disclosure']")).toHaveLength(1);
    expect(stop.text()).toContain("an account of the movant");

    const lone = row("@lonelywatcher");
    expect(lone.hasClass("unprotected")).toBe(true);
    expect(collapseWhitespace(lone.text())).toContain("No order protects this account");

    expect(collapseWhitespace($("#accounts-heading").parent().find(".notice").text())).toContain(
      "The sources say this demand covered 6 accounts; only 3 are named on the record.",
    );
  });

  it("does not call an account unprotected when a movant-wide order may cover it", async () => {
    const other = insertCase(db, { slug: "cldc-motion", label: "CLDC motion" });
    const order = insertOrder(db, other.id, { slug: "unknown-movant-order", title: "Order covering the CLDC client" });
    insertCoverage(db, order.id, ids.subpoena, { accountId: null });
    const { $ } = await page();
    const lone = $("table.coverage tbody tr").filter((_, tr) => $(tr).find("th").text().includes("@lonelywatcher"));
    expect(collapseWhitespace(lone.text())).toContain("No order names this account");
    expect(collapseWhitespace($("table.coverage tbody tr").last().text())).toContain("Every account of the movant");
    expect($("#coverage-heading").parent().find(".notice").text()).toContain("may still be protected");
  });

  it("lists the challenging cases, their motions with status and deciding order, and the events in date order", async () => {
    const { $ } = await page();
    const cases = $("#cases-heading").parent().find(".card-list > li h3 a");
    expect(cases.map((_, a) => $(a).attr("href")).get()).toEqual(["/cases/lbprotest-motion", "/cases/lbrrn-motion"]);
    const motions = $("#motions-heading").parent().find("tbody tr");
    expect(motions).toHaveLength(2);
    expect(collapseWhitespace(motions.eq(0).text())).toContain("Pending");
    expect(motions.eq(0).find("sup.src a").text()).toBe("S02");
    expect(collapseWhitespace(motions.eq(1).text())).toContain("Moot");
    expect(motions.eq(1).find("a[href='/orders/tse-non-disclosure']")).toHaveLength(1);
    const events = $("#events-heading").parent().find("ol.timeline > li");
    expect(events.map((_, li) => $(li).find("time").attr("datetime")).get()).toEqual(["2025-09-02", "2025-09-03"]);
    expect(events.eq(1).find("sup.src a").text()).toBe("S01");
  });

  it("reads as withdrawn once a withdrawal event names it, with the event's and orders' sources, and the cached page is dropped", async () => {
    const before = await page();
    expect(before.$("p.status-line").attr("data-status")).toBe("stayed");
    const withdrawal = insertEvent(db, {
      kind: "withdrawal",
      title: "DHS withdraws the subpoena",
      date: "2025-11-01",
      dateLatest: "2025-11-30",
      datePrecision: "month",
      subpoenaId: ids.subpoena,
    });
    linkEvent(db, withdrawal.id, "organization", ids.dhs, "actor");
    const s29 = insertSource(db, { tag: "S29b", publisher: "Reason" });
    citeSource(db, "event", withdrawal.id, s29.id, { field: "date" });

    const { $ } = await page();
    const status = $("p.status-line");
    expect(status.attr("data-status")).toBe("withdrawn");
    expect(collapseWhitespace(status.find(".status-text").text())).toBe(
      "Withdrawn by DHS, November 2025 — after Magistrate Judges Hixson and Tse ordered Meta not to produce",
    );
    expect(
      status
        .find("sup.src a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(["S29b", "S01"]);
    const events = $("#events-heading").parent().find("ol.timeline > li");
    expect(collapseWhitespace(events.last().text())).toContain("November 2025");
    expect(collapseWhitespace(events.last().text())).toContain("(DHS)");
  });

  it("answers a real 404 page for an unknown or deleted subpoena", async () => {
    const unknown = await page("/subpoenas/unknown-slug");
    expect(unknown.res.statusCode).toBe(404);
    expect(unknown.res.headers["content-type"]).toContain("text/html");
    expect(unknown.$("h1").text()).toBe("Page not found");
    expect(unknown.$("h1")).toHaveLength(1);

    createRecordStore(db, testClock).remove("subpoena", ids.subpoena, { actor: testActor });
    const deleted = await page();
    expect(deleted.res.statusCode).toBe(404);
  });
});
