import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { insertCase, insertCourt, insertDeadline, insertHearing } from "../support/factories";

/*
 * Issue 15.3 and the ICS bullet of 9.6: whatever a record's text holds, each value stays inside
 * its own property. The feeds are read back with ical.js, a real iCalendar parser, as a
 * subscriber's calendar app would read them.
 */

// The audit's payload: a case label that ends the calendar and starts a fake event.
const INJECTED_LABEL =
  "Doe v. DHS\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fake@x\r\nDTSTART:20261224T100000Z\r\nSUMMARY:Hearing VACATED - do not attend\r\nEND:VEVENT";
// CR, LF, CRLF, the separators RFC 5545 escapes (; , \) and a property-looking tail.
const NASTY = "One\rTwo\nThree\r\nFour; five, six \\ seven\nDESCRIPTION:fake";
const NASTY_LINE = "One Two Three Four; five, six \\ seven DESCRIPTION:fake";
const NASTY_TEXT = "One\nTwo\nThree\nFour; five, six \\ seven\nDESCRIPTION:fake";

// The calendar's name and description are de facto TEXT properties (Apple's X-WR-*; NAME is
// RFC 7986); ical.js reads properties it does not know as raw, so it is told.
for (const name of ["x-wr-calname", "x-wr-caldesc", "name"]) ICAL.design.icalendar.property[name] = { defaultType: "text" };

function parseCalendar(text: string): ICAL.Component {
  const jcal = ICAL.parse(text);
  // Two VCALENDARs come back as a list: the first one was ended early.
  expect(Array.isArray(jcal[0]), "one calendar").toBe(false);
  return new ICAL.Component(jcal);
}

const events = (cal: ICAL.Component) => cal.getAllSubcomponents("vevent");
const prop = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name) as string | null;

describe("iCalendar text values", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db);
  });
  afterEach(async () => app.close());

  async function caseFeed(slug: string) {
    const res = await app.inject(`/cases/${slug}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    return { text: res.body, cal: parseCalendar(res.body) };
  }

  it("keeps the audit's line-break payload in a case's label inside the calendar's name (15.3)", async () => {
    const kase = insertCase(db, { slug: "zq-ics", courtId: "cand", label: INJECTED_LABEL });
    insertHearing(db, kase.id, { title: "Hearing on the motion", date: "2026-12-10", time: "10:00", place: "Courtroom E" });
    const { text, cal } = await caseFeed("zq-ics");
    const all = events(cal);
    expect(all.map((e) => prop(e, "uid"))).toEqual([expect.stringMatching(/^hearing-\d+@127\.0\.0\.1$/)]);
    expect(text).not.toMatch(/^UID:fake@x/m);
    expect(text.match(/^BEGIN:VCALENDAR/gm)).toHaveLength(1);
    const flat = INJECTED_LABEL.replace(/\s+/g, " ");
    expect(prop(cal, "x-wr-calname")).toBe(`Quash: ${flat}`);
    expect(prop(cal, "name")).toBe(`Quash: ${flat}`);
    expect(prop(all[0]!, "summary")).toBe(`Hearing on the motion — ${flat}`);
  });

  it("escapes CR, LF, ; , and \\ in every property: calendar name and description, summary, description, location", async () => {
    const kase = insertCase(db, { slug: "nasty", courtId: "cand", caption: NASTY, docketNumber: NASTY });
    insertHearing(db, kase.id, { title: NASTY, date: "2026-12-10", time: "10:00", place: NASTY });
    insertDeadline(db, kase.id, { label: NASTY, dateDue: "2026-12-01" });
    const { cal } = await caseFeed("nasty");
    expect(prop(cal, "x-wr-calname")).toBe(`Quash: ${NASTY_LINE}`);
    expect(prop(cal, "x-wr-caldesc")).toBe(`Hearings and deadlines in ${NASTY_TEXT}, No. ${NASTY_TEXT}.`);
    const [deadline, hearing] = [...events(cal)].sort((a, b) => (prop(a, "uid")! < prop(b, "uid")! ? -1 : 1));
    expect(prop(deadline!, "summary")).toBe(`${NASTY_LINE} — ${NASTY_LINE}`);
    expect(prop(hearing!, "summary")).toBe(`${NASTY_LINE} — ${NASTY_LINE}`);
    expect(prop(hearing!, "location")).toBe(NASTY_LINE);
    expect(prop(hearing!, "description")).toContain(`Place: ${NASTY_TEXT}\n`);
    expect(events(cal)).toHaveLength(2);
  });

  it("strips markup from calendar text, as a reader of the page sees it (9.6)", async () => {
    const kase = insertCase(db, { slug: "markup", courtId: "cand", caption: "Doe <i>v.</i> DHS" });
    insertHearing(db, kase.id, {
      title: "<script>alert(1)</script>Hearing &amp; argument",
      date: "2026-12-10",
      place: '<a href="https://evil.example">Room</a> 4',
    });
    insertDeadline(db, kase.id, { label: "Reply<img src=x onerror=alert(1)> due", dateDue: "2026-12-01" });
    for (const url of ["/cases/markup/calendar.ics", "/calendar.ics"]) {
      const res = await app.inject(url);
      expect(res.body, url).not.toMatch(/<|alert|evil\.example/);
      const cal = parseCalendar(res.body);
      const summaries = events(cal)
        .map((e) => prop(e, "summary"))
        .sort();
      expect(summaries, url).toEqual(["Hearing & argument — Doe v. DHS", "Reply due — Doe v. DHS"]);
      const hearing = events(cal).find((e) => prop(e, "uid")!.startsWith("hearing"))!;
      expect(prop(hearing, "location")).toBe("Room 4");
    }
  });

  it("turns other control characters into spaces, which RFC 5545 does not allow in text", async () => {
    const kase = insertCase(db, { slug: "controls", courtId: "cand", caption: "Doe\u0000v.\u000bDHS\u007f\u2028" });
    insertHearing(db, kase.id, { title: "Hearing\u0007", date: "2026-12-10" });
    const { text, cal } = await caseFeed("controls");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028]/);
    expect(prop(cal, "x-wr-calname")).toBe("Quash: Doe v. DHS");
    expect(prop(events(cal)[0]!, "summary")).toBe("Hearing — Doe v. DHS");
  });
});
