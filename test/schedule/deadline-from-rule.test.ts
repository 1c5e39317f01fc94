import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { computeRule } from "../../server/deadlines";
import { call, fingerprint } from "../api-write/helpers";
import { insertUser } from "../support/auth";
import { buildTestApp } from "../support/app";
import { insertCase, insertCourt } from "../support/factories";
import { errorBeside, staffBrowser } from "../forms/helpers";

/** Issue 13.6: a deadline given a rule and a trigger date, without a due date, is computed as the calculator computes it. */
describe("a deadline from a rule and the date it counts from", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCourt(db, { id: "cand" });
    insertCase(db, { slug: "doe", courtId: "cand" });
  });
  afterEach(async () => app.close());

  const expected = computeRule("lr-7-3a", "2026-11-20");

  it("through the write API: the calculator's date, its citation and its steps", async () => {
    await insertUser(db, { email: "script@example.org", role: "editor" });
    const token = app.accounts.createToken("script@example.org", "script").token;
    const res = await call(app, "POST", "/api/v1/cases/doe/deadlines", {
      token,
      body: { label: "Opposition due", ruleCode: "lr-7-3a", triggerDate: "2026-11-20" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ dateDue: expected.due, origin: "computed", ruleCitation: expected.rule.citation });
    const stored = db.select().from(s.deadlines).get()!;
    const computation = JSON.parse(stored.computation!);
    expect(computation.due).toBe(expected.due);
    expect(computation.steps.map((st: { text: string }) => st.text)).toEqual(expected.steps.map((st) => st.text));

    const before = fingerprint(db);
    const none = await call(app, "POST", "/api/v1/cases/doe/deadlines", { token, body: { label: "Reply due" } });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      { path: "dateDue", message: "is needed, or give the rule code and the date it counts from to have it computed" },
    ]);
    const notComputed = await call(app, "POST", "/api/v1/cases/doe/deadlines", {
      token,
      body: { label: "Response", ruleCode: "user-notice", triggerDate: "2026-11-20" },
    });
    expect(notComputed.statusCode).toBe(400);
    expect(notComputed.json().errors[0]).toMatchObject({
      path: "dateDue",
      message: expect.stringMatching(/^is needed: it cannot be computed from the rule \(user-notice is not computed/),
    });
    expect(fingerprint(db)).toBe(before);
  });

  it("through the form: the due date left empty is computed; a typed date is kept as typed", async () => {
    const editor = await staffBrowser(app, db);
    const res = await editor.post("/staff/cases/doe/deadlines", {
      label: "Opposition due",
      dateDue: "",
      ruleCode: "lr-7-3a",
      triggerDate: "2026-11-20",
    });
    expect(res.statusCode).toBe(303);
    expect(db.select().from(s.deadlines).get()).toMatchObject({ dateDue: expected.due, origin: "computed" });
    const typed = await editor.post("/staff/cases/doe/deadlines", {
      label: "Reply due",
      dateDue: "2026-12-31",
      ruleCode: "lr-7-3a",
      triggerDate: "2026-11-20",
    });
    expect(typed.statusCode).toBe(303);
    expect(
      db
        .select()
        .from(s.deadlines)
        .all()
        .find((d) => d.label === "Reply due"),
    ).toMatchObject({ dateDue: "2026-12-31", origin: "court_ordered" });
    const empty = await editor.post("/staff/cases/doe/deadlines", { label: "Something due", dateDue: "" });
    expect(empty.statusCode).toBe(422);
    expect(errorBeside(empty.body, "f-dateDue")).toContain("is needed, or give the rule code");
  });
});
