import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { sessions } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import {
  cookieHeader,
  cookiesFrom,
  csrfFrom,
  insertUser,
  openLoginPage,
  postForm,
  postLogin,
  signIn,
  TEST_PASSWORD,
} from "../support/auth";

describe("sign-in and sign-out", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await insertUser(db, { email: "editor@example.org", role: "editor" });
  });
  afterEach(async () => app.close());

  it("shows a labelled sign-in form with a CSRF token", async () => {
    const { page, cookies } = await openLoginPage(app);
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("h1").text()).toBe("Sign in");
    expect($('label[for="login-email"]').text()).toBe("E-mail");
    expect($('input[name="_csrf"]').attr("value")).toMatch(/\./);
    expect(cookies["quash_csrf"]).toBeTruthy();
    expect(page.headers["cache-control"]).toContain("no-store");
  });

  it("signs in with the right password: a session cookie that is HTTP-only and SameSite=Lax, then the staff home", async () => {
    const res = await postLogin(app, { email: "Editor@Example.org", password: TEST_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/staff");
    const session = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]).find(
      (c) => c.name === "quash_session",
    )!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    expect(db.select().from(sessions).all()).toHaveLength(1);
    // Only the hash is stored, never the cookie's value.
    expect(db.select().from(sessions).get()!.tokenHash).not.toBe(cookiesFrom(res)["quash_session"]);

    const home = await app.inject({ url: "/staff", headers: { cookie: cookieHeader(cookiesFrom(res)) } });
    expect(home.statusCode).toBe(200);
    expect(parseHtml(home.body)("main").text()).toContain("editor@example.org");
  });

  it("marks the cookie Secure on HTTPS when COOKIE_SECURE is auto", async () => {
    const secureApp = (await buildTestApp({ config: { cookieSecure: "auto" } })).app;
    const page = await secureApp.inject({ url: "/login", headers: { "x-forwarded-proto": "https" } });
    // Without a trusted proxy the request counts as plain HTTP, so the cookie is not Secure…
    expect((page.cookies as { secure?: boolean }[])[0]!.secure).toBeFalsy();
    await secureApp.close();
    const forced = (await buildTestApp({ config: { cookieSecure: "true" } })).app;
    const res = await forced.inject("/login");
    // …and COOKIE_SECURE=true (behind a TLS proxy) always sets it.
    expect((res.cookies as { secure?: boolean }[])[0]!.secure).toBe(true);
    await forced.close();
  });

  it("goes back to the page that asked for sign-in, but never to another site", async () => {
    const asked = await app.inject("/admin/users");
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe("/login?next=%2Fadmin%2Fusers");
    const back = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD, next: "/staff?x=1" });
    expect(back.headers.location).toBe("/staff?x=1");
    const away = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD, next: "//evil.example/" });
    expect(away.headers.location).toBe("/staff");
  });

  it("gives the same message for an unknown e-mail and a wrong password, and keeps the e-mail in the form", async () => {
    const wrong = await postLogin(app, { email: "editor@example.org", password: "not the password at all" });
    const unknown = await postLogin(app, { email: "nobody@example.org", password: "not the password at all" });
    expect(wrong.statusCode).toBe(422);
    expect(unknown.statusCode).toBe(422);
    const message = (html: string) => parseHtml(html)("#login-message").text();
    expect(message(wrong.body)).toBe("That e-mail address and password do not match an account. Check both and try again.");
    expect(message(unknown.body)).toBe(message(wrong.body));
    expect(parseHtml(unknown.body)("#login-email").attr("value")).toBe("nobody@example.org");
    expect(cookiesFrom(wrong)["quash_session"]).toBeUndefined();
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("asks for both fields when one is empty", async () => {
    const res = await postLogin(app, { email: "editor@example.org", password: "" });
    expect(res.statusCode).toBe(422);
    expect(parseHtml(res.body)("#login-message").text()).toContain("Enter your e-mail address and your password");
  });

  it("refuses a sign-in post without the CSRF token or with a forged one", async () => {
    const { cookies } = await openLoginPage(app);
    const missing = await app.inject({
      method: "POST",
      url: "/login",
      headers: { cookie: cookieHeader(cookies), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ email: "editor@example.org", password: TEST_PASSWORD }).toString(),
    });
    expect(missing.statusCode).toBe(403);
    expect(parseHtml(missing.body)("main").text()).toContain("nothing was saved");
    const forged = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD }, { cookies, csrf: "abc.def" });
    expect(forged.statusCode).toBe(403);
    // A token from another browser's cookie does not fit this one.
    const other = await openLoginPage(app);
    const mixed = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD }, { cookies, csrf: other.csrf });
    expect(mixed.statusCode).toBe(403);
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("limits attempts: the sixth try in a minute for one address is refused with 429, even with the right password", async () => {
    const login = await openLoginPage(app);
    for (let i = 0; i < 5; i++) {
      const res = await postLogin(app, { email: "editor@example.org", password: `wrong password ${i}` }, login);
      expect(res.statusCode).toBe(422);
    }
    const blocked = await postLogin(app, { email: "editor@example.org", password: TEST_PASSWORD }, login);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect(parseHtml(blocked.body)("#login-message").text()).toBe("Too many sign-in attempts. Wait a minute, then try again.");
    expect(db.select().from(sessions).all()).toHaveLength(0);
    // Another account from the same address is not yet blocked.
    await insertUser(db, { email: "viewer@example.org", role: "viewer" });
    expect((await postLogin(app, { email: "viewer@example.org", password: TEST_PASSWORD }, login)).statusCode).toBe(303);
  });

  it("signs out: the session row is gone and the old cookie no longer works", async () => {
    const cookie = await signIn(app, "editor@example.org");
    const home = await app.inject({ url: "/staff", headers: { cookie } });
    const res = await postForm(app, "/logout", cookie, { _csrf: csrfFrom(home.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?signedOut=1");
    expect(db.select().from(sessions).all()).toHaveLength(0);
    const after = await app.inject({ url: "/staff", headers: { cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain("/login");
  });

  it("does not sign out through a forged form", async () => {
    const cookie = await signIn(app, "editor@example.org");
    const res = await postForm(app, "/logout", cookie, {});
    expect(res.statusCode).toBe(403);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });

  it("refuses an expired session", async () => {
    const cookie = await signIn(app, "editor@example.org");
    db.update(sessions).set({ expiresAt: "2026-11-21T19:59:59.000Z" }).run();
    const res = await app.inject({ url: "/staff", headers: { cookie } });
    expect(res.statusCode).toBe(303);
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });
});
