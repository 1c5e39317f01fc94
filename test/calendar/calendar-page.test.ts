import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { parseHtml } from "../support/html";
import { createRecordStore } from "../../server/records/store";
import { createMotionDeadlines, markDeadline } from "../../server/schedule/service";
import { insertMotion } from "../support/factories";
import { testActor, testClock } from "../support/db";
import { buildCalendarApp, type CalendarSeed } from "./setup";

describe("calendar page", () => {
  let app: FastifyInstance;
  let db: Db;
  let seeded: CalendarSeed;

  beforeEach(async () => {
    ({ app, db, seeded } = await buildCalendarApp());
  });
  afterEach(async () => app.close());

  const page = async () => {
    const res = await app.inject("/calendar");
    expect(res.statusCode).toBe(200);
    return parseHtml(res.body);
  };

  it("splits open deadlines and hearings into overdue and upcoming around the court's today, by case", async () => {
    const $ = await page();
    expect($("h1")).toHaveLength(1);
    expect($("h1").text()).toBe("Calendar");
    expect($("main .lede time").attr("datetime")).toBe("2026-11-21");

    const overdue = $("section[aria-labelledby=overdue-heading]");
    const upcoming = $("section[aria-labelledby=upcoming-heading]");
    // Doe's opposition (11-19) and the conference never marked held (11-18) are overdue.
    expect(overdue.find(`#deadline-${seeded.doeOpposition.id}`).text()).toContain("2 days overdue");
    expect(overdue.find(`#hearing-${seeded.pastHearing.id}`).text()).toContain("3 days ago; not recorded as held");
    expect(overdue.find(".card-list > li")).toHaveLength(2);
    expect(overdue.find("h3").text()).toBe("Doe v. DHS");

    // Upcoming, grouped by case, soonest first within each case.
    const groups = upcoming.find(".calendar-case");
    expect(groups.map((_, g) => $(g).find("h3").text()).get()).toEqual(["Doe v. DHS", "Roe v. DHS"]);
    const doeItems = groups
      .eq(0)
      .find(".card-list > li")
      .map((_, li) => $(li).attr("id"))
      .get();
    expect(doeItems).toEqual([
      `deadline-${seeded.doeReply.id}`,
      `hearing-${seeded.roughHearing.id}`,
      `deadline-${seeded.doeEarliestHearing.id}`,
      `hearing-${seeded.hearing.id}`,
    ]);
    expect(groups.eq(0).find("h3 a").attr("href")).toBe("/cases/doe-v-dhs");
    expect(groups.eq(0).find("a[href='/cases/doe-v-dhs/calendar.ics']")).toHaveLength(1);
  });

  it("shows each deadline's day with its weekday, the e-filing cut-off, the rule and its text, origin and status", async () => {
    const $ = await page();
    const reply = $(`#deadline-${seeded.doeReply.id}`);
    expect(reply.find("h4").text()).toContain("Reply due");
    expect(reply.text()).toContain("Due in 6 days");
    expect(reply.find("dd time").first().text()).toBe("Friday, November 27, 2026");
    expect(reply.text()).toContain("11:59 p.m. Pacific (PST)");
    expect(reply.find("time[datetime='2026-11-28T08:00:00Z']")).toHaveLength(1);
    expect(reply.text()).toContain("N.D. Cal. Civ. L.R. 7-3(c)");
    expect(reply.text()).toContain("The reply is due no more than 7 days after the opposition was due");
    expect(reply.text()).toContain("Computed from the rule");
    expect(reply.find(".badge").text()).toContain("Open");
    expect(
      reply
        .find("a")
        .filter((_, a) => $(a).text() === "This deadline on the docket")
        .attr("href"),
    ).toBe(`/cases/doe-v-dhs#deadline-${seeded.doeReply.id}`);
    // The steps say why Thanksgiving moved it.
    expect(reply.find("details li").text()).toContain("Thanksgiving");

    // The earliest hearing date is a floor, not a filing: no cut-off.
    const floor = $(`#deadline-${seeded.doeEarliestHearing.id}`);
    expect(floor.text()).toContain("not a filing deadline");
    expect(floor.text()).not.toContain("11:59 p.m.");
  });

  it("lets the order's date win and shows the rule's date struck through beside it", async () => {
    const $ = await page();
    const ordered = $(`#deadline-${seeded.roeOrdered.id}`);
    expect(ordered.find("dd time").first().text()).toBe("Thursday, December 3, 2026");
    expect(ordered.find("del").text()).toBe("Friday, November 27, 2026");
    expect(ordered.text()).toContain("rule default under N.D. Cal. Civ. L.R. 7-3(a), superseded");
    expect(ordered.text()).toContain("Set by court order");
    expect(ordered.find("a").filter((_, a) => $(a).text() === "Order setting briefing schedule")).toHaveLength(1);
    // The superseded computed deadline and the vacated reply are not listed on their own.
    expect($(`#deadline-${seeded.roeComputedOpposition.id}`)).toHaveLength(0);
    expect($(`#deadline-${seeded.roeReply.id}`)).toHaveLength(0);
    // Its source is the order's, so the date is not unsourced.
    expect(ordered.find("h4 sup.src a").attr("href")).toBe("/sources#source-S01");
  });

  it("shows the timed hearing in court time and marks a hearing whose day is not known", async () => {
    const $ = await page();
    const hearing = $(`#hearing-${seeded.hearing.id}`);
    expect(hearing.text()).toContain("Thursday, December 10, 2026, 10:00 a.m. Pacific");
    expect(hearing.text()).toContain("Courtroom E, 15th Floor");
    const rough = $(`#hearing-${seeded.roughHearing.id}`);
    expect(rough.text()).toContain("a Wednesday in December 2026");
    expect(rough.text()).toContain("Not in the calendar feed: the day is not known.");
    expect($(`#hearing-${seeded.vacatedHearing.id}`)).toHaveLength(0);
  });

  it("does not call a hearing floor that has passed overdue", async () => {
    // Filed 2026-10-01: opposition 10-15 is overdue; the earliest hearing date, 11-05, is just history.
    const motion = insertMotion(db, seeded.doe.id, {
      title: "Old motion",
      dateFiled: "2026-10-01",
      dateFiledPrecision: "day",
      status: "pending",
    });
    const { created } = createMotionDeadlines({ db, store: createRecordStore(db, testClock) }, motion, { actor: testActor });
    const $ = await page();
    const overdue = $("section[aria-labelledby=overdue-heading]");
    expect(overdue.find(`#deadline-${created.find((d) => d.ruleCode === "lr-7-3a")!.id}`).text()).toContain("37 days overdue");
    expect($(`#deadline-${created.find((d) => d.ruleCode === "lr-7-2a")!.id}`)).toHaveLength(0);
    // Floors still ahead read as days, not as something due.
    expect($(`#deadline-${seeded.doeEarliestHearing.id} .calendar-when`).text()).toBe("In 19 days Deadline Open");
  });

  it("never shows a deadline of a deleted case", async () => {
    const res = await app.inject("/calendar");
    expect(res.body).not.toContain("Ghost deadline");
    expect(res.body).not.toContain("Deleted v. Case");
  });

  it("says why a pending motion has no computed deadlines", async () => {
    const $ = await page();
    const item = $("section[aria-labelledby=not-computed-heading] li");
    expect(item).toHaveLength(1);
    expect(item.text()).toContain("Motion to proceed pseudonymously");
    expect(item.text()).toContain("filing date not known to the day");
  });

  it("carries the rule catalogue's warnings with a deadline (California holiday alternative date)", async () => {
    // The reply's Friday 2026-11-27 is the day after Thanksgiving, a California judicial holiday.
    const $ = await page();
    const warning = $(`#deadline-${seeded.doeReply.id} .conflict-note`);
    expect(warning.text()).toContain("California holidays were not counted: 2026-11-27 Day after Thanksgiving");
    expect(warning.text()).toContain("2026-11-30");
    expect($(`#deadline-${seeded.doeOpposition.id} .conflict-note`)).toHaveLength(0);
  });

  it("links the iCalendar feed for subscription, in the head and visibly", async () => {
    const $ = await page();
    expect($("head link[rel=alternate][type='text/calendar']").attr("href")).toBe("/calendar.ics");
    expect($("main a[href='/calendar.ics']").text()).toContain("Subscribe");
    expect($("main code").first().text()).toBe("http://127.0.0.1:3000/calendar.ics");
    expect($("nav a[href='/calendar']")).toHaveLength(1);
  });

  it("serves the stored page until a write, then shows the change", async () => {
    const first = await app.inject("/calendar");
    const again = await app.inject({ url: "/calendar", headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    markDeadline({ db, store: createRecordStore(db, testClock) }, seeded.doeOpposition.id, "met", {
      actor: testActor,
      expectedVersion: seeded.doeOpposition.version,
    });
    const after = parseHtml((await app.inject("/calendar")).body);
    expect(after(`#deadline-${seeded.doeOpposition.id}`)).toHaveLength(0);
  });
});
