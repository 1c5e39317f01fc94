import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { fingerprint } from "../api-write/helpers";
import { insertCase } from "../support/factories";
import { appWithStaffBrowser, type StaffBrowser } from "./helpers";

/** What the route fuzz (test/resilience/fuzz-routes.test.ts) found in the staff forms. */
describe("staff forms: hand-made posts the fuzz found", () => {
  let app: FastifyInstance;
  let db: Db;
  let browser: StaffBrowser;
  beforeEach(async () => {
    ({ app, db, browser } = await appWithStaffBrowser());
    insertCase(db, { slug: "doe" });
  });
  afterEach(async () => app.close());

  it("a rough date's precision the form does not offer re-renders the form (422), not a 500", async () => {
    const before = fingerprint(db);
    for (const precision of ["-672111016", "fortnight", "__proto__"]) {
      const res = await browser.post("/staff/cases/doe/orders", {
        title: "Order",
        kind: "non_production",
        dateSigned: "2025-09-19",
        dateSignedPrecision: precision,
      });
      expect(res.statusCode, precision).toBe(422);
      expect(res.body).toContain("<form");
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("a publish or unpublish post with a version that is no number, or a repeated reason, re-renders the page (422), not a 500", async () => {
    const before = fingerprint(db);
    for (const action of ["publish", "unpublish"]) {
      const bad = await browser.post(`/staff/cases/doe/${action}`, { reason: "order of the court", version: "-1" });
      expect(bad.statusCode, action).toBe(422);
      const repeated = await app.inject({
        method: "POST",
        url: `/staff/cases/doe/${action}`,
        headers: { cookie: browser.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: `_csrf=${encodeURIComponent(browser.csrf)}&reason=a&reason=b&version=1`,
      });
      expect(repeated.statusCode, action).toBe(422);
    }
    expect(fingerprint(db)).toBe(before);
  });
});
