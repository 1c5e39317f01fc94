import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { parseHtml } from "../support/html";
import { buildCalendarApp, type CalendarSeed } from "./setup";

type VEvent = Record<string, string>;

/** A line-based reading of an iCalendar file: unfold (RFC 5545 3.1), then split into VEVENTs. */
function parseIcs(text: string): { lines: string[]; events: VEvent[] } {
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return { lines, events };
}

const byUid = (events: VEvent[], uid: string) => events.find((e) => e.UID === uid);

describe("iCalendar feeds", () => {
  let app: FastifyInstance;
  let db: Db;
  let seeded: CalendarSeed;

  beforeEach(async () => {
    ({ app, db, seeded } = await buildCalendarApp());
  });
  afterEach(async () => app.close());

  it("serves /calendar.ics as text/calendar with one all-day event per deadline and stable UIDs", async () => {
    const res = await app.inject("/calendar.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { lines, events } = parseIcs(res.body);
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);

    const opposition = byUid(events, `deadline-${seeded.doeOpposition.id}@127.0.0.1`)!;
    expect(opposition["DTSTART;VALUE=DATE"]).toBe("20261119");
    expect(opposition.SUMMARY).toBe("Opposition due — Doe v. DHS");
    expect(opposition.DESCRIPTION).toContain("Rule: N.D. Cal. Civ. L.R. 7-3(a)");
    expect(opposition.DESCRIPTION).toContain("E-filing cut-off: 11:59 p.m. Pacific (PST)");
    expect(opposition.DESCRIPTION).toContain(`http://127.0.0.1:3000/cases/doe-v-dhs#deadline-${seeded.doeOpposition.id}`);
    expect(opposition["URL;VALUE=URI"]).toBe(`http://127.0.0.1:3000/cases/doe-v-dhs#deadline-${seeded.doeOpposition.id}`);
    expect(opposition["LAST-MODIFIED"]).toBe("20261121T200000Z");
    expect(opposition.STATUS).toBe("CONFIRMED");
  });

  it("leaves out the superseded computed date, keeps the order's date, and cancels a vacated one", async () => {
    const { events } = parseIcs((await app.inject("/calendar.ics")).body);
    expect(byUid(events, `deadline-${seeded.roeComputedOpposition.id}@127.0.0.1`)).toBeUndefined();
    const ordered = byUid(events, `deadline-${seeded.roeOrdered.id}@127.0.0.1`)!;
    expect(ordered["DTSTART;VALUE=DATE"]).toBe("20261203");
    expect(ordered.DESCRIPTION).toContain("Set by court order: Order setting briefing schedule");
    expect(ordered.DESCRIPTION).toContain("Replaces Friday\\, November 27\\, 2026 (rule default under N.D. Cal. Civ. L.R. 7-3(a))");
    const vacated = byUid(events, `deadline-${seeded.roeReply.id}@127.0.0.1`)!;
    expect(vacated.STATUS).toBe("CANCELLED");
    expect(vacated.SUMMARY).toBe("Reply due — Roe v. DHS (vacated)");
  });

  it("sends a timed hearing as its UTC instant, cancels a vacated one, and leaves out one whose day is unknown", async () => {
    const { events } = parseIcs((await app.inject("/calendar.ics")).body);
    const hearing = byUid(events, `hearing-${seeded.hearing.id}@127.0.0.1`)!;
    // 10:00 in San Francisco on 2026-12-10 (PST, UTC−8).
    expect(hearing.DTSTART).toBe("20261210T180000Z");
    expect(hearing.LOCATION).toBe("Courtroom E\\, 15th Floor");
    expect(hearing.SUMMARY).toBe("Hearing on the motion to quash — Doe v. DHS");
    expect(byUid(events, `hearing-${seeded.pastHearing.id}@127.0.0.1`)!["DTSTART;VALUE=DATE"]).toBe("20261118");
    expect(byUid(events, `hearing-${seeded.vacatedHearing.id}@127.0.0.1`)!.STATUS).toBe("CANCELLED");
    expect(byUid(events, `hearing-${seeded.roughHearing.id}@127.0.0.1`)).toBeUndefined();
  });

  it("never includes a deleted case's deadline", async () => {
    const res = await app.inject("/calendar.ics");
    expect(res.body).not.toContain("Ghost deadline");
    expect(byUid(parseIcs(res.body).events, `deadline-${seeded.goneDeadline.id}@127.0.0.1`)).toBeUndefined();
    expect((await app.inject("/cases/deleted-case/calendar.ics")).statusCode).toBe(404);
  });

  it("gives each case its own feed with only its events; an unknown case is a 404 page", async () => {
    const res = await app.inject("/cases/roe-v-dhs/calendar.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { lines, events } = parseIcs(res.body);
    expect(lines).toContain("X-WR-CALNAME:Quash: Roe v. DHS");
    expect(events.map((e) => e.SUMMARY).every((s) => s!.includes("Roe v. DHS"))).toBe(true);
    expect(events.map((e) => e.UID).sort()).toEqual(
      [seeded.roeOrdered.id, seeded.roeReply.id, seeded.roeEarliestHearing.id].map((id) => `deadline-${id}@127.0.0.1`).sort(),
    );
    const missing = await app.inject("/cases/nobody/calendar.ics");
    expect(missing.statusCode).toBe(404);
    expect(parseHtml(missing.body)("h1").text()).toBe("Page not found");
  });

  it("answers 304 to a calendar app that already has the feed, until something changes", async () => {
    const first = await app.inject("/calendar.ics");
    const etag = String(first.headers.etag);
    expect((await app.inject({ url: "/calendar.ics", headers: { "if-none-match": etag } })).statusCode).toBe(304);
    const { createRecordStore } = await import("../../server/records/store");
    const { testActor, testClock } = await import("../support/db");
    createRecordStore(db, testClock).update("hearing", seeded.hearing.id, { place: "Courtroom F" }, { actor: testActor });
    const changed = await app.inject({ url: "/calendar.ics", headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(byUid(parseIcs(changed.body).events, `hearing-${seeded.hearing.id}@127.0.0.1`)!.LOCATION).toBe("Courtroom F");
  });

  it("is linked from the docket page, in the head and visibly", async () => {
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    expect($("head link[rel=alternate][type='text/calendar']").attr("href")).toBe("/cases/doe-v-dhs/calendar.ics");
    expect($("main a[href='/cases/doe-v-dhs/calendar.ics']").text()).toContain("Subscribe");
  });
});
