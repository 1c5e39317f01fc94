import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { testActor } from "../support/db";
import { insertCase } from "../support/factories";
import { staffBrowser } from "./helpers";

/*
 * Issue 5, "script in any text field (shown escaped everywhere)": one payload typed into the text
 * fields of an entry, a deadline, a hearing and an event, then every surface that prints them —
 * public and staff pages, the history diff, the Atom feeds, the iCalendar feeds and the API.
 */
const SCRIPT = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const ESCAPED = "&lt;script&gt;";
/** A line break typed into a title must not start a property of its own in the calendar feed. */
const ICS_INJECTION = "Reply due\r\nATTACH:https://evil.example/x\r\nEND:VEVENT";

describe("script typed in text fields is shown escaped on every surface", () => {
  let app: FastifyInstance;
  let db: Db;
  let entryId: number;
  let deadlineId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const caseId = insertCase(db, { slug: "doe", label: `Doe ${SCRIPT}` }).id;
    const actor = testActor;
    entryId = app.editing.create(
      "entry",
      { number: 1, dateFiled: "2026-11-02", description: `MOTION to Quash ${SCRIPT}` },
      { actor, caseId },
    ).id as number;
    app.editing.update("entry", entryId, { description: `MOTION to Quash, amended ${SCRIPT}` }, { actor, reason: SCRIPT });
    deadlineId = app.editing.create(
      "deadline",
      { label: `${ICS_INJECTION} ${SCRIPT}`, dateDue: "2026-12-01", notes: SCRIPT },
      { actor, caseId },
    ).id as number;
    app.editing.create("hearing", { title: `Hearing ${SCRIPT}`, date: "2026-12-05", place: SCRIPT, notes: SCRIPT }, { actor, caseId });
    app.editing.create("event", { kind: "post", title: `Event ${SCRIPT}`, description: SCRIPT, date: "2026-11-03", caseId }, { actor });
  });
  afterEach(async () => app.close());

  it("escapes it on public pages and staff pages, the history diff included", async () => {
    const editor = await staffBrowser(app, db);
    const pages: [string, string][] = [
      ["/cases/doe", (await app.inject("/cases/doe")).body],
      ["/calendar", (await app.inject("/calendar")).body],
      ["/", (await app.inject("/")).body],
      ["staff /cases/doe", (await editor.get("/cases/doe")).body],
      ["history of the entry", (await editor.get(`/staff/history/entry/${entryId}`)).body],
      ["history of the deadline", (await editor.get(`/staff/history/deadline/${deadlineId}`)).body],
      ["edit form", (await editor.get(`/staff/cases/doe/entries/${entryId}/edit`)).body],
      ["/timeline", (await app.inject("/timeline")).body],
      ["staff search", (await editor.get("/staff/search?q=Quash")).body],
    ];
    for (const [name, html] of pages) {
      expect(html, name).not.toContain("<script>alert");
      expect(html, name).not.toContain("<img src=x");
    }
    // The payload is really there, as text, where the record is shown.
    expect(pages[0]![1]).toContain(`MOTION to Quash, amended ${ESCAPED}`);
    expect(pages[4]![1]).toContain(ESCAPED);
  });

  it("escapes it in the Atom feeds", async () => {
    for (const url of ["/feed.atom", "/cases/doe/feed.atom"]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain("<script>");
      expect(res.body, url).not.toContain("<img src=x");
      expect(res.body, url).toContain("MOTION to Quash, amended");
      // Entry titles are written type="html" by the feed library: escaped, like the content.
      expect(res.body, url).toContain(`<title type="html"><![CDATA[Doe ${ESCAPED}`);
    }
  });

  it("keeps the iCalendar feeds well-formed: line breaks in a title never start a property", async () => {
    for (const url of ["/calendar.ics", "/cases/doe/calendar.ics"]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const lines = res.body.split("\r\n");
      expect(
        lines.some((line) => line.startsWith("ATTACH:")),
        url,
      ).toBe(false);
      expect(lines.filter((line) => line === "END:VEVENT").length, url).toBe(lines.filter((line) => line === "BEGIN:VEVENT").length);
      // A summary is one line: the break becomes a space, inside the SUMMARY property.
      expect(res.body.replace(/\r\n[ \t]/g, ""), url).toMatch(/^SUMMARY:Reply due ATTACH:https:\/\/evil\.example\/x END:VEVENT/m);
    }
  });

  it("returns it as a JSON string from the API, never as markup", async () => {
    const api = await app.inject("/api/v1/cases/doe");
    expect(api.statusCode).toBe(200);
    expect(api.headers["content-type"]).toContain("application/json");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.stringify(api.json())).toContain(JSON.stringify(`Doe ${SCRIPT}`).slice(1, -1));
  });
});
