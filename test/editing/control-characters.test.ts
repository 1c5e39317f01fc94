import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { call, fingerprint, setupWriteApi } from "../api-write/helpers";
import { csrfFrom, postForm, signIn } from "../support/auth";
import { parseHtml } from "../support/html";
import { insertCourt } from "../support/factories";

/*
 * Issue 15.3 at the edit schema: a one-line field refuses line breaks and control characters
 * (400 from the write API, 422 beside the field on a form), and nothing is saved; a text area
 * keeps its line breaks but no other control character.
 */

const PAYLOAD = {
  slug: "zq-ics",
  courtId: "cand",
  label:
    "Doe v. DHS\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fake@x\r\nDTSTART:20261224T100000Z\r\nSUMMARY:Hearing VACATED - do not attend\r\nEND:VEVENT",
};

describe("control characters at the edit schema", () => {
  let app: FastifyInstance;
  let db: Db;
  let token: string;

  beforeEach(async () => {
    let tokens;
    ({ app, db, tokens } = await setupWriteApi());
    token = tokens.editor;
    insertCourt(db);
  });
  afterEach(async () => app.close());

  it("refuses the audit's calendar payload in a case's label with 400 naming the field, and saves nothing", async () => {
    const before = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases", { token, body: PAYLOAD });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "label", message: "must be one line, without line breaks or control characters" }]);
    expect(fingerprint(db)).toBe(before);
  });

  it.each([
    ["caption", "Doe v.\nDHS"],
    ["label", "Doe\rv. DHS"],
    ["docketNumber", "5:26-mc-80026\u0000"],
    ["nature", "Other\u2028statutory action"],
    ["cause", "\u001b[31mred"],
  ])("refuses %s with a control character", async (field, value) => {
    const res = await call(app, "POST", "/api/v1/cases", { token, body: { courtId: "cand", label: "Doe v. DHS", [field]: value } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });

  it("keeps line breaks in a text area's field but refuses other control characters there", async () => {
    const ok = await call(app, "POST", "/api/v1/cases", {
      token,
      body: { courtId: "cand", label: "Doe v. DHS", summary: "Line one.\r\nLine two.\n\tIndented." },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().summary).toBe("Line one.\r\nLine two.\n\tIndented.");
    const bad = await call(app, "POST", "/api/v1/cases", { token, body: { courtId: "cand", label: "Roe v. DHS", summary: "Bell\u0007" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: "summary", message: "must not contain control characters" }]);
  });

  it("re-renders the case form with 422 and the message beside the field", async () => {
    const cookie = await signIn(app, "editor@example.org");
    const form = await app.inject({ url: "/staff/cases/new", headers: { cookie } });
    const res = await postForm(app, "/staff/cases", cookie, { _csrf: csrfFrom(form.body), courtId: "cand", label: PAYLOAD.label });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($("#label-error, [id$='label-error']").first().text()).toContain("must be one line, without line breaks or control characters");
  });
});
