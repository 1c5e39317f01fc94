import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { citeSource, insertCase, insertEvent, insertOrder, insertSource, insertSubpoena, linkEvent } from "../support/factories";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";

describe("timeline page", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const kase = insertCase(db, { slug: "lbprotest", label: "@LBProtest operator's motion to quash" });
    caseId = kase.id;
    const subpoena = insertSubpoena(db, { slug: "dhs-2025-09-03", title: "DHS subpoena to Meta of 3 Sep 2025" });
    const s02 = insertSource(db, { tag: "S02", publisher: "Davis Vanguard" });
    // Inserted out of date order on purpose: the page sorts them.
    const withdrawal = insertEvent(db, {
      slug: "dhs-withdraws-september-subpoena",
      kind: "withdrawal",
      title: "DHS withdraws the September subpoena",
      date: "2025-11-01",
      dateLatest: "2025-11-30",
      datePrecision: "month",
      caseId,
      subpoenaId: subpoena.id,
    });
    citeSource(db, "event", withdrawal.id, s02.id);
    insertEvent(db, { slug: "announcement", kind: "statement", title: "ACLU NorCal announces the withdrawal", date: "2025-11-30" });
    insertEvent(db, { slug: "same-day-exact", kind: "report", title: "An exact-day report on Nov 1", date: "2025-11-01" });
    const filing = insertEvent(db, {
      slug: "motion-filed",
      kind: "filing",
      title: "ACLU files the motion to quash",
      date: "2025-09-18",
      caseId,
    });
    citeSource(db, "event", filing.id, s02.id);
    const order = insertEvent(db, {
      slug: "hixson-order",
      kind: "order",
      title: "Judge Hixson orders Meta not to produce",
      date: "2025-09-19",
      caseId,
    });
    citeSource(db, "event", order.id, s02.id, {
      field: "date",
      inferred: true,
      inferredReason: "Politico says Friday, after the Thursday filing.",
    });
    insertEvent(db, {
      slug: "cldc-filing",
      kind: "filing",
      title: "CLDC files a motion to quash",
      date: "2025-09-02",
      dateLatest: "2025-09-30",
      datePrecision: "weekday",
      dateLabel: "a Tuesday in September 2025",
    });
    insertEvent(db, {
      slug: "tse-order",
      kind: "order",
      title: "Judge Tse orders Meta not to disclose",
      date: "2025-09-19",
      dateLatest: "2025-09-26",
      datePrecision: "range",
      dateLabel: "between September 19 and 26, 2025",
    });
    insertEvent(db, { slug: "letter-2026", kind: "letter", title: "EFF and ACLU NorCal letter", date: "2026-02-10" });
    insertEvent(db, { slug: "undated", kind: "other", title: "Something whose date nobody knows", date: null, datePrecision: "unknown" });
  });
  afterEach(async () => app.close());

  const titles = ($: ReturnType<typeof parseHtml>) =>
    $("ol.timeline > li h3")
      .map((_, h) => $(h).clone().find("sup").remove().end().text().trim())
      .get();

  it("lists every event by earliest possible day, then precision, with unknown dates last", async () => {
    const { $ } = await openPage(app, "/timeline");
    expect($("h1").text()).toBe("Timeline");
    expect(titles($)).toEqual([
      "CLDC files a motion to quash",
      "ACLU files the motion to quash",
      "Judge Hixson orders Meta not to produce",
      "Judge Tse orders Meta not to disclose",
      "An exact-day report on Nov 1",
      "DHS withdraws the September subpoena",
      "ACLU NorCal announces the withdrawal",
      "EFF and ACLU NorCal letter",
      "Something whose date nobody knows",
    ]);
    expect(
      $("h2")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["2025", "2026", "Date unknown"]);
    expect($("main").text()).toContain("earliest day each could have happened");
  });

  it("prints each date with its real precision", async () => {
    const $ = parseHtml((await app.inject("/timeline")).body);
    const month = $("#event-dhs-withdraws-september-subpoena time");
    expect(month.text()).toBe("November 2025");
    expect(month.attr("datetime")).toBe("2025-11");
    expect($("#event-dhs-withdraws-september-subpoena").text()).not.toContain("November 1,");
    expect($("#event-cldc-filing time").text()).toBe("a Tuesday in September 2025");
    expect($("#event-tse-order").text()).toContain("between September 19 and 26, 2025");
    expect($("#event-motion-filed time").text()).toBe("September 18, 2025");
    expect($("#event-undated").text()).toContain("date unknown");
  });

  it("badges an inferred date with the reason, links case and subpoena, and shows kind and sources", async () => {
    const $ = parseHtml((await app.inject("/timeline")).body);
    const inferred = $("#event-hixson-order .badge-warn");
    expect(inferred.text()).toContain("inferred");
    expect(inferred.attr("title")).toBe("Politico says Friday, after the Thursday filing.");
    expect(inferred.find(".visually-hidden").text()).toContain("Politico says Friday");
    expect($("#event-motion-filed .badge-warn")).toHaveLength(0);
    // Only the date is cited: its source also stands beside the title, so no fact is unsourced.
    expect($("#event-hixson-order h3 sup.src a").attr("href")).toBe("/sources#source-S02");

    const withdrawal = $("#event-dhs-withdraws-september-subpoena");
    expect(withdrawal.find(".badge-accent").text()).toBe("Withdrawal");
    expect(withdrawal.find("a[href='/cases/lbprotest']").text()).toBe("@LBProtest operator's motion to quash");
    expect(withdrawal.find("a[href='/subpoenas/dhs-2025-09-03']").text()).toBe("DHS subpoena to Meta of 3 Sep 2025");
    expect(withdrawal.find("sup.src a").first().attr("href")).toBe("/sources#source-S02");
  });

  it("folds in order signings no event tells of, without duplicating those an event covers", async () => {
    insertOrder(db, caseId, { slug: "same-day-as-event", title: "Order of Sep 19", dateSigned: "2025-09-19", dateSignedPrecision: "day" });
    const linked = insertOrder(db, caseId, { slug: "linked", title: "Order told by a linked event", dateSigned: "2025-10-01" });
    const event = insertEvent(db, {
      slug: "event-about-linked",
      kind: "other",
      title: "Something about the linked order",
      date: "2025-10-01",
    });
    linkEvent(db, event.id, "order", linked.id);
    insertOrder(db, caseId, {
      slug: "untold",
      title: "Order no event tells of",
      summary: "Sets a briefing schedule.",
      dateSigned: "2025-12-01",
      dateSignedLatest: "2025-12-31",
      dateSignedPrecision: "month",
    });
    const $ = parseHtml((await app.inject("/timeline")).body);
    const list = titles($);
    expect(list).not.toContain("Order of Sep 19");
    expect(list).not.toContain("Order told by a linked event");
    const untold = $("#order-signed-untold");
    expect(untold.find("h3").text().trim()).toBe("Order no event tells of");
    expect(untold.find("time").text()).toBe("December 2025");
    expect(untold.find(".badge-accent").text()).toBe("Order");
    // Its title and "The order and what it protects" both open the order's own page.
    expect(untold.find("h3 a").attr("href")).toBe("/orders/untold");
    expect(untold.find("a[href='/orders/untold']")).toHaveLength(2);
    expect(list.indexOf("Order no event tells of")).toBe(list.indexOf("ACLU NorCal announces the withdrawal") + 1);
  });

  it("filters by year (a window touching the year) and by kind", async () => {
    const y2026 = parseHtml((await app.inject("/timeline?year=2026")).body);
    expect(titles(y2026)).toEqual(["EFF and ACLU NorCal letter"]);
    expect(y2026("h1").text()).toBe("Timeline, 2026");
    expect(y2026("select[name=year] option[selected]").text()).toBe("2026");
    const orders = parseHtml((await app.inject("/timeline?kind=order&year=")).body);
    expect(titles(orders)).toEqual(["Judge Hixson orders Meta not to produce", "Judge Tse orders Meta not to disclose"]);
    const none = parseHtml((await app.inject("/timeline?year=2024")).body);
    expect(none("main").text()).toContain("Nothing matches these filters.");
  });

  it("answers 400 with the message beside the field for a malformed filter", async () => {
    for (const url of ["/timeline?year=abc", "/timeline?year=20255", "/timeline?kind=bogus", "/timeline?year=2025&year=2026"]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      const $ = parseHtml(res.body);
      expect($("h1")).toHaveLength(1);
      expect($(".field-error").text(), url).toMatch(/must be/);
      expect($("[aria-invalid=true]"), url).toHaveLength(1);
      expect($("[role=alert]").text(), url).toContain("The filter was not applied");
      // The unfiltered timeline is shown instead.
      expect($("ol.timeline > li"), url).toHaveLength(9);
    }
  });
});
