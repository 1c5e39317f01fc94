import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { call, fingerprint } from "../api-write/helpers";
import { insertUser, postForm } from "../support/auth";
import { buildTestApp } from "../support/app";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { routesOf } from "../support/route-table";
import { staffBrowser } from "./helpers";

/*
 * Every write route the app registers, not a hand-picked few: a route added later without
 * requireCsrf or requireRole fails here. Routes are read from Fastify's own route table.
 */

/** Real values for the path parameters, so a route cannot answer 404 before checking. */
const concrete = (path: string) =>
  path
    .replace(/:type\b/g, "entry")
    .replace(/:slug\b(\|:\w+)*/g, "doe")
    .replace(/:\w+(\|:\w+)*/g, "1");

describe("every write route refuses forged and unauthorised requests, changing nothing", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const caseId = insertCase(db, { slug: "doe" }).id;
    insertEntry(db, caseId, { number: 1 });
    insertSubpoena(db, { slug: "doe" });
  });
  afterEach(async () => app.close());

  it("finds the routes it is meant to sweep", () => {
    const posts = routesOf(app, "POST");
    expect(posts).toContain("/staff/cases/:slug/entries");
    expect(posts).toContain("/admin/users/:id/disable");
    expect(posts.filter((p) => p.startsWith("/staff/")).length).toBeGreaterThan(40);
    expect(routesOf(app, "PATCH")).toContain("/api/v1/entries/:id");
    expect(routesOf(app, "DELETE").length).toBeGreaterThan(10);
  });

  it("answers 403 to a signed-in admin's form post without a CSRF token, on every form route", async () => {
    const admin = await staffBrowser(app, db, "admin");
    const before = fingerprint(db);
    const formRoutes = routesOf(app, "POST").filter((p) => !p.startsWith("/api/") && p !== "/login");
    for (const route of formRoutes) {
      const url = concrete(route);
      const missing = await postForm(app, url, admin.cookie, { title: "x", version: "1" });
      expect(missing.statusCode, `${url} without a token`).toBe(403);
      const forged = await postForm(app, url, admin.cookie, { _csrf: "forged.token", title: "x", version: "1" });
      expect(forged.statusCode, `${url} with a forged token`).toBe(403);
    }
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses a sign-in post without the pre-session token", async () => {
    await insertUser(db, { email: "editor@example.org" });
    const before = fingerprint(db);
    const res = await app.inject({
      method: "POST",
      url: "/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "email=editor%40example.org&password=x",
    });
    expect(res.statusCode).toBe(403);
    expect(fingerprint(db)).toBe(before);
  });

  it("answers the write API without a token, with a session cookie, a revoked token or a viewer's token — 401/401/401/403 on every route", async () => {
    await insertUser(db, { email: "viewer@example.org", role: "viewer" });
    await insertUser(db, { email: "editor@example.org", role: "editor" });
    const viewer = app.accounts.createToken("viewer@example.org", "viewer script").token;
    const revoked = app.accounts.createToken("editor@example.org", "old script");
    app.accounts.revokeToken(revoked.id);
    const session = await staffBrowser(app, db, "admin");
    const before = fingerprint(db);
    const routes = (["POST", "PATCH", "DELETE"] as const).flatMap((method) =>
      routesOf(app, method)
        .filter((p) => p.startsWith("/api/"))
        .map((p) => [method, concrete(p)] as const),
    );
    expect(routes.length).toBeGreaterThan(50);
    for (const [index, [method, url]] of routes.entries()) {
      const body = { description: "x" };
      const headers = { "if-match": '"1"' };
      expect((await call(app, method, url, { body, headers })).statusCode, `${method} ${url} no token`).toBe(401);
      expect(
        (await call(app, method, url, { body, headers: { ...headers, cookie: session.cookie, "x-csrf-token": session.csrf } })).statusCode,
        `${method} ${url} cookie`,
      ).toBe(401);
      // Each from its own address: past 10 bad tokens a minute, one address gets 429 (test/plugins/security.test.ts).
      const remoteAddress = `198.51.100.${index % 250}`;
      expect(
        (await call(app, method, url, { body, headers, token: revoked.token, remoteAddress })).statusCode,
        `${method} ${url} revoked`,
      ).toBe(401);
      expect((await call(app, method, url, { body, headers, token: viewer })).statusCode, `${method} ${url} viewer`).toBe(403);
    }
    expect(fingerprint(db)).toBe(before);
  });
});
