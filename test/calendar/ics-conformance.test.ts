import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { createTestDb, testActor } from "../support/db";
import { seedCalendar } from "./setup";

/*
 * The calendars read back by ical.js as RFC 5545 asks: METHOD:PUBLISH, a SEQUENCE that counts
 * an event's revisions, an end on every timed event, UIDs made from PUBLIC_URL's host so two
 * installations never share one, and a calendar that says so when the record holds nothing.
 */
for (const name of ["x-wr-calname", "x-wr-caldesc", "name"]) ICAL.design.icalendar.property[name] = { defaultType: "text" };

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (cal: ICAL.Component) => cal.getAllSubcomponents("vevent");
const uid = (e: ICAL.Component) => String(e.getFirstPropertyValue("uid"));

describe("iCalendar feeds to RFC 5545", () => {
  let app: FastifyInstance;
  afterEach(async () => app.close());

  it("publishes with METHOD:PUBLISH, UIDs on PUBLIC_URL's host, and an end on every timed hearing", async () => {
    const db = createTestDb();
    ({ app } = await buildTestApp({ db, config: { publicUrl: "https://tracker.clinic.example" } }));
    const seeded = seedCalendar(db);
    const cal = parse((await app.inject("/calendar.ics")).body);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const all = events(cal);
    expect(all.length).toBeGreaterThan(3);
    for (const e of all) expect(uid(e)).toMatch(/^(deadline|hearing)-\d+@tracker\.clinic\.example$/);
    const hearing = all.find((e) => uid(e) === `hearing-${seeded.hearing.id}@tracker.clinic.example`)!;
    const event = new ICAL.Event(hearing);
    expect(event.startDate.isDate).toBe(false);
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60 * 1000);
    expect(hearing.hasProperty("dtend") || hearing.hasProperty("duration")).toBe(true);
    expect(event.description).toContain("Shown as 60 minutes");
    for (const e of all) {
      const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
      if (!start.isDate) expect(e.hasProperty("dtend") || e.hasProperty("duration"), uid(e)).toBe(true);
    }
  });

  it("gives every event what RFC 5545 requires (UID, DTSTAMP, DTSTART), folds lines at 75 octets with CRLF, and cancels a vacated hearing", async () => {
    const db = createTestDb();
    ({ app } = await buildTestApp({ db }));
    const seeded = seedCalendar(db);
    for (const url of ["/calendar.ics", "/cases/doe-v-dhs/calendar.ics"]) {
      const text = (await app.inject(url)).body;
      expect(text.replace(/\r\n/g, ""), url).not.toMatch(/[\r\n]/);
      for (const line of text.split("\r\n")) expect(Buffer.byteLength(line), `${url}: ${line}`).toBeLessThanOrEqual(75);
      const cal = parse(text);
      expect(cal.getFirstPropertyValue("prodid"), url).toBeTruthy();
      expect(cal.getFirstPropertyValue("version"), url).toBe("2.0");
      const all = events(cal);
      expect(all.length, url).toBeGreaterThan(3);
      for (const e of all) {
        for (const property of ["uid", "dtstamp", "dtstart", "sequence"])
          expect(e.hasProperty(property), `${url} ${uid(e)} ${property}`).toBe(true);
      }
      expect(new Set(all.map(uid)).size, url).toBe(all.length);
      const vacated = all.find((e) => uid(e).startsWith(`hearing-${seeded.vacatedHearing.id}@`));
      expect(vacated?.getFirstPropertyValue("status"), url).toBe("CANCELLED");
    }
  });

  it("counts an event's revisions in SEQUENCE, so a calendar app replaces its copy", async () => {
    const db = createTestDb();
    ({ app } = await buildTestApp({ db }));
    const seeded = seedCalendar(db);
    const sequenceOf = async (id: string) => {
      const found = events(parse((await app.inject(`/cases/doe-v-dhs/calendar.ics`)).body)).find((e) => uid(e) === id)!;
      return Number(found.getFirstPropertyValue("sequence"));
    };
    const id = `hearing-${seeded.hearing.id}@127.0.0.1`;
    const before = await sequenceOf(id);
    app.editing.update("hearing", seeded.hearing.id, { time: "11:00" }, { actor: testActor });
    expect(await sequenceOf(id)).toBe(before + 1);
    app.editing.update("hearing", seeded.hearing.id, { place: "Courtroom F" }, { actor: testActor });
    expect(await sequenceOf(id)).toBe(before + 2);
  });

  it("says in its description when the record holds no deadlines or hearings, and every calendar of the bundled record parses", async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
    const cases = (await app.inject("/api/v1/cases")).json().data as { slug: string }[];
    let calendars = 0;
    for (const url of ["/calendar.ics", ...cases.map((c) => `/cases/${c.slug}/calendar.ics`)]) {
      const cal = parse((await app.inject(url)).body);
      expect(cal.getFirstPropertyValue("method"), url).toBe("PUBLISH");
      if (events(cal).length === 0)
        expect(String(cal.getFirstPropertyValue("x-wr-caldesc")), url).toContain("The record holds no deadlines or hearings");
      calendars++;
    }
    expect(calendars).toBeGreaterThan(5);
    console.log(`iCalendar: ${calendars} calendars of the bundled record parsed by ical.js`);
  });
});
