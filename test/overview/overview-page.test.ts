import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { collapseWhitespace, parseHtml } from "../support/html";
import {
  citeSource,
  insertCase,
  insertCoverage,
  insertDeadline,
  insertEntry,
  insertEvent,
  insertHearing,
  insertJudge,
  insertMotion,
  insertOrder,
  insertOrganization,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
  linkEvent,
} from "../support/factories";

describe("overview", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  async function overview() {
    const res = await app.inject("/");
    expect(res.statusCode).toBe(200);
    return { res, $: parseHtml(res.body) };
  }

  /** The cluster in miniature: a withdrawn, a stayed, a challenged and an unchallenged demand. */
  function seedCluster() {
    const dhs = insertOrganization(db, { name: "U.S. Department of Homeland Security", shortName: "DHS" });
    const meta = insertOrganization(db, { name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
    const s02 = insertSource(db, { tag: "S02" });
    const s11 = insertSource(db, { tag: "S11" });
    const hixson = insertJudge(db, { slug: "thomas-s-hixson", name: "Thomas S. Hixson" });
    const kang = insertJudge(db, { slug: "peter-h-kang", name: "Peter H. Kang" });

    const sept = insertSubpoena(db, {
      slug: "sept",
      title: "September subpoena to Meta",
      issuerId: dhs.id,
      recipientId: meta.id,
      dateIssued: "2025-09-03",
    });
    const case1 = insertCase(db, { slug: "case-1", label: "@LBProtest operator's motion to quash", position: 1 });
    linkCaseSubpoena(db, case1.id, sept.id);
    const hixsonOrder = insertOrder(db, case1.id, { judgeId: hixson.id, dateSigned: "2025-09-19", dateSignedPrecision: "day" });
    insertCoverage(db, hixsonOrder.id, sept.id, { addresseeId: meta.id, status: "moot" });
    citeSource(db, "order", hixsonOrder.id, s02.id);
    insertMotion(db, case1.id, { status: "moot", statusNote: "subpoena withdrawn" });
    const withdrawal = insertEvent(db, {
      kind: "withdrawal",
      title: "DHS withdraws",
      date: "2025-11-01",
      dateLatest: "2025-11-30",
      datePrecision: "month",
      subpoenaId: sept.id,
    });
    linkEvent(db, withdrawal.id, "organization", dhs.id, "actor");
    citeSource(db, "event", withdrawal.id, s02.id);

    const montco = insertSubpoena(db, {
      slug: "montco",
      title: "MontCo summonses",
      issuerId: dhs.id,
      recipientId: meta.id,
      dateIssued: "2025-09-11",
    });
    const case4 = insertCase(db, { slug: "case-4", label: "J. Doe v. DHS", position: 4 });
    linkCaseSubpoena(db, case4.id, montco.id);
    const kangOrder = insertOrder(db, case4.id, { judgeId: kang.id, dateSigned: "2025-10-17", dateSignedPrecision: "day" });
    insertCoverage(db, kangOrder.id, montco.id, { addresseeId: meta.id });
    citeSource(db, "order", kangOrder.id, s11.id);
    insertMotion(db, case4.id);

    const google = insertSubpoena(db, { slug: "google", title: "Subpoena to Google", issuerId: dhs.id, dateIssued: "2025-10-30" });
    const case5 = insertCase(db, { slug: "case-5", label: "Jon Doe motion", position: 5 });
    linkCaseSubpoena(db, case5.id, google.id);
    const motion = insertMotion(db, case5.id, { dateFiled: "2026-02-02", dateFiledPrecision: "day" });
    citeSource(db, "motion", motion.id, s11.id);

    insertSubpoena(db, {
      slug: "reddit",
      title: "Summons to Reddit",
      issuerId: dhs.id,
      dateIssued: "2026-03-01",
      dateIssuedLatest: "2026-03-31",
      dateIssuedPrecision: "month",
    });
    insertCase(db, { slug: "case-12", label: "Maine observers' class action", position: 12, dateTerminated: "2026-06-01" });
    return { case1, case4 };
  }

  it("has one h1 and a lede saying what the tracker covers", async () => {
    const { $ } = await overview();
    expect($("h1")).toHaveLength(1);
    expect($("p.lede").text()).toContain("administrative subpoenas and customs summonses");
  });

  it("lists every demand with its derived status line, date and sources", async () => {
    seedCluster();
    const { $ } = await overview();
    const rows = $("table.subpoena-status tbody tr");
    expect(rows).toHaveLength(4);
    const row = (slug: string) => rows.filter((_, tr) => $(tr).find(`a[href='/subpoenas/${slug}']`).length > 0);
    expect(collapseWhitespace(row("sept").find(".status-text").text())).toBe(
      "Withdrawn by DHS, November 2025 — after Magistrate Judge Thomas S. Hixson ordered Meta not to produce",
    );
    expect(row("sept").find("td").eq(0).find("sup.src a").text()).toBe("S02");
    expect(row("sept").find("td").eq(1).find("time").attr("datetime")).toBe("2025-11");
    expect(collapseWhitespace(row("montco").find(".status-text").text())).toBe(
      "Meta ordered not to produce pending ruling — Magistrate Judge Peter H. Kang, since October 17, 2025",
    );
    expect(row("montco").find("td").eq(0).find("sup.src a").text()).toBe("S11");
    expect(collapseWhitespace(row("google").find(".status-text").text())).toBe(
      "Motion to quash pending — no order on the record; filed February 2, 2026",
    );
    expect(collapseWhitespace(row("reddit").find(".status-text").text())).toBe("Issued March 2026; no court challenge recorded");
    expect(row("reddit").attr("data-status")).toBe("issued");
  });

  it("groups the proceedings by their derived status", async () => {
    seedCluster();
    const { $ } = await overview();
    const headings = $("h2")
      .map((_, h) => $(h).text())
      .get()
      .filter((t) => t.startsWith("Proceedings"));
    expect(headings).toEqual(["Proceedings: Motion pending", "Proceedings: No motion pending", "Proceedings: Closed"]);
    const pending = $("h2")
      .filter((_, h) => $(h).text() === "Proceedings: Motion pending")
      .parent();
    expect(
      pending
        .find(".card-list > li h3 a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/cases/case-4", "/cases/case-5"]);
  });

  it("shows the latest docket activity with permalinks, and sealed entries only as placeholders", async () => {
    const { case1 } = seedCluster();
    const source = insertSource(db, { tag: "S30" });
    const open = insertEntry(db, case1.id, {
      number: 1,
      sequence: 1,
      dateFiled: "2025-09-18",
      description: "MOTION to Quash filed by J. Doe",
      kind: "motion",
    });
    citeSource(db, "entry", open.id, source.id);
    const sealed = insertEntry(db, case1.id, {
      number: 2,
      sequence: 2,
      dateFiled: "2025-09-19",
      description: "Declaration naming the movant's employer",
      sealed: true,
    });
    citeSource(db, "entry", sealed.id, source.id, { quote: "employer" });
    const { res, $ } = await overview();
    expect(res.body).not.toContain("naming the movant");
    const rows = $("table.latest-entries tbody tr");
    expect(rows).toHaveLength(2);
    expect(collapseWhitespace(rows.eq(0).text())).toContain("SEALED");
    expect(rows.eq(0).find("sup.src")).toHaveLength(0);
    expect(rows.eq(0).find("a.permalink").attr("href")).toBe(`/cases/case-1/entries/${sealed.id}`);
    expect(collapseWhitespace(rows.eq(1).text())).toContain("MOTION to Quash filed by J. Doe");
    expect(rows.eq(1).find("sup.src a").text()).toBe("S30");
    const permalink = await app.inject(rows.eq(1).find("a.permalink").attr("href")!);
    expect(permalink.statusCode).toBe(200);
    expect(parseHtml(permalink.body)("h1").text()).toBe("ECF No. 1");
  });

  it("says none scheduled when no hearing or deadline lies ahead", async () => {
    const { case4 } = seedCluster();
    insertHearing(db, case4.id, { title: "Hearing held in January", date: "2026-01-21", status: "held" });
    insertDeadline(db, case4.id, { label: "Reply due", dateDue: "2026-01-07" });
    const { $ } = await overview();
    expect(collapseWhitespace($("#upcoming-heading").parent().find(".none-scheduled").text())).toBe("None scheduled.");
  });

  it("lists hearings and open deadlines on or after today, from the injected clock", async () => {
    const { case4 } = seedCluster();
    const source = insertSource(db, { tag: "S13" });
    const ahead = insertHearing(db, case4.id, {
      title: "Hearing on the motion to quash",
      date: "2026-12-03",
      time: "10:00",
      place: "Courtroom E",
    });
    citeSource(db, "hearing", ahead.id, source.id);
    insertHearing(db, case4.id, { title: "Hearing yesterday", date: "2026-11-20" });
    insertHearing(db, case4.id, { title: "Hearing vacated", date: "2026-12-10", status: "vacated" });
    insertHearing(db, case4.id, {
      title: "Hearing later this month",
      date: "2026-11-01",
      dateLatest: "2026-11-30",
      datePrecision: "month",
    });
    insertDeadline(db, case4.id, { label: "Opposition due today", dateDue: "2026-11-21", ruleCitation: "Civ. L.R. 7-3(a)" });
    insertDeadline(db, case4.id, { label: "Deadline already met", dateDue: "2026-12-01", status: "met" });
    insertDeadline(db, null, { label: "Response window stated by Meta", dateDue: "2026-12-05", origin: "stated" });

    const { $ } = await overview();
    const section = $("#upcoming-heading").parent();
    expect(section.find(".none-scheduled")).toHaveLength(0);
    const [hearings, deadlines] = [section.find("table").eq(0), section.find("table").eq(1)];
    expect(hearings.find("caption").text()).toBe("Hearings");
    const hearingRows = hearings.find("tbody tr");
    expect(hearingRows.map((_, tr) => collapseWhitespace($(tr).find("th").contents().first().text())).get()).toEqual([
      "Hearing later this month",
      "Hearing on the motion to quash",
    ]);
    expect(collapseWhitespace(hearingRows.eq(0).text())).toContain("November 2026");
    expect(hearingRows.eq(1).find("time").attr("datetime")).toBe("2026-12-03");
    expect(collapseWhitespace(hearingRows.eq(1).text())).toContain("10:00");
    expect(hearingRows.eq(1).find("a[href='/cases/case-4']")).toHaveLength(1);
    expect(hearingRows.eq(1).find("sup.src a").text()).toBe("S13");
    const deadlineRows = deadlines.find("tbody tr");
    expect(deadlineRows.map((_, tr) => collapseWhitespace($(tr).find("th").text())).get()).toEqual([
      "Opposition due today",
      "Response window stated by Meta",
    ]);
    expect(collapseWhitespace(deadlineRows.eq(0).text())).toContain("Civ. L.R. 7-3(a)");
    expect(collapseWhitespace(deadlineRows.eq(1).text())).toContain("no case");
  });
});
