import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { call, fingerprint } from "../api-write/helpers";
import { insertUser } from "../support/auth";
import { buildTestApp } from "../support/app";
import { insertCase } from "../support/factories";
import { errorBeside, staffBrowser } from "../forms/helpers";

/** Issue 4, "Bad input": an impossible due date or an unknown rule is an error in the forms and the API, never a stored date. */
describe("deadlines typed in: bad dates and unknown rules are refused, nothing stored", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCase(db, { slug: "doe" });
  });
  afterEach(async () => app.close());

  it.each([
    [{ label: "Opposition due", dateDue: "2026-02-30" }, "f-dateDue", "real date"],
    [{ label: "Opposition due", dateDue: "2027-02-29" }, "f-dateDue", "real date"],
    [{ label: "Opposition due", dateDue: "03/02/2026" }, "f-dateDue", "real date"],
    [{ label: "Opposition due", dateDue: "2026-03-02", triggerDate: "2026-04-31" }, "f-triggerDate", "real date"],
  ])("form %o → 422 beside the field", async (form, field, message) => {
    const editor = await staffBrowser(app, db);
    const before = fingerprint(db);
    const res = await editor.post("/staff/cases/doe/deadlines", form);
    expect(res.statusCode).toBe(422);
    expect(errorBeside(res.body, field)).toContain(message);
    expect(fingerprint(db)).toBe(before);
  });

  it("API: an impossible date or an unknown rule code is a 400 naming the field", async () => {
    await insertUser(db, { email: "editor@example.org" });
    const token = app.accounts.createToken("editor@example.org", "script").token;
    const before = fingerprint(db);
    const bad = await call(app, "POST", "/api/v1/cases/doe/deadlines", { token, body: { label: "Reply due", dateDue: "2026-02-30" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ path: "dateDue" }));
    const rule = await call(app, "POST", "/api/v1/cases/doe/deadlines", {
      token,
      body: { label: "Reply due", dateDue: "2026-03-02", ruleCode: "lr-99" },
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().errors).toContainEqual({
      path: "ruleCode",
      message: expect.stringContaining('names no rule in the catalogue ("lr-99")'),
    });
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses a code the catalogue lacks beside the field, and takes the code its hint gives", async () => {
    const editor = await staffBrowser(app, db);
    const before = fingerprint(db);
    const bad = await editor.post("/staff/cases/doe/deadlines", { label: "Opposition due", dateDue: "2026-03-02", ruleCode: "ndcal-7-3a" });
    expect(bad.statusCode).toBe(422);
    expect(errorBeside(bad.body, "f-ruleCode")).toContain("names no rule in the catalogue");
    expect(fingerprint(db)).toBe(before);
    const form = await editor.get("/staff/cases/doe/deadlines/new");
    const hinted = /\(([a-z0-9-]+)\)/.exec(form.body.slice(form.body.indexOf("The calculator")))![1]!;
    const ok = await editor.post("/staff/cases/doe/deadlines", { label: "Opposition due", dateDue: "2026-03-02", ruleCode: hinted });
    expect(ok.statusCode).toBe(303);
  });
});
