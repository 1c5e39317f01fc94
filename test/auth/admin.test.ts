import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { apiTokens, revisions, sessions, users } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { csrfFrom, insertUser, postForm, signIn } from "../support/auth";

describe("admin page: users and tokens", () => {
  let app: FastifyInstance;
  let db: Db;
  let admin: string;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await insertUser(db, { email: "admin@example.org", role: "admin", name: "Ada Admin" });
    await insertUser(db, { email: "editor@example.org", role: "editor", name: "Ed Editor" });
    admin = await signIn(app, "admin@example.org");
  });
  afterEach(async () => app.close());

  const page = async (cookie = admin) => app.inject({ url: "/admin/users", headers: { cookie } });

  it("lists users with their role and status, and one h1", async () => {
    const res = await page();
    expect(res.statusCode).toBe(200);
    const $ = parseHtml(res.body);
    expect($("h1")).toHaveLength(1);
    const rows = $("tr.user-row");
    expect(rows).toHaveLength(2);
    expect(rows.eq(1).text()).toContain("editor@example.org");
    expect(rows.eq(1).find(".badge").text()).toBe("active");
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it("is refused to an editor (403) and to the public (sign-in first)", async () => {
    const editor = await signIn(app, "editor@example.org");
    const res = await page(editor);
    expect(res.statusCode).toBe(403);
    expect(parseHtml(res.body)("main").text()).toContain("This needs the admin role");
    const form = await postForm(app, "/admin/users", editor, {
      _csrf: csrfFrom((await app.inject({ url: "/staff", headers: { cookie: editor } })).body),
      email: "new@example.org",
      name: "New",
      role: "admin",
      password: "a long enough password",
    });
    expect(form.statusCode).toBe(403);
    expect(db.select().from(users).all()).toHaveLength(2);
    expect((await app.inject("/admin/users")).statusCode).toBe(303);
  });

  it("adds a user, then answers 303 and says so", async () => {
    const csrf = csrfFrom((await page()).body);
    const res = await postForm(app, "/admin/users", admin, {
      _csrf: csrf,
      email: "Viewer@Example.org",
      name: "Vi Viewer",
      role: "viewer",
      password: "a long enough password",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/users?done=added");
    const after = parseHtml((await app.inject({ url: res.headers.location as string, headers: { cookie: admin } })).body);
    expect(after(".notice").text()).toContain("The user was added");
    expect(after("tr.user-row").text()).toContain("viewer@example.org");
    const created = db
      .select()
      .from(revisions)
      .all()
      .filter((r) => r.recordType === "user" && r.action === "create");
    expect(created.at(-1)!.actor).toBe("admin@example.org");
    expect(created.at(-1)!.after).not.toContain("argon2");
  });

  it("re-renders the form with 422 and field errors, keeping what was typed but not the password", async () => {
    const csrf = csrfFrom((await page()).body);
    const res = await postForm(app, "/admin/users", admin, {
      _csrf: csrf,
      email: "editor@example.org",
      name: "<script>alert(1)</script>",
      role: "owner",
      password: "short",
    });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($("#user-email-error").text()).toBe("E-mail already has an account");
    expect($("#user-role-error").text()).toContain("admin, editor or viewer");
    expect($("#user-password-error").text()).toBe("Password must be at least 12 characters");
    expect($("#user-name").attr("value")).toBe("<script>alert(1)</script>");
    expect(res.body).not.toContain("<script>alert(1)</script>");
    expect($("#user-password").attr("value")).toBeUndefined();
    expect(db.select().from(users).all()).toHaveLength(2);
  });

  it("refuses an add-user form without a CSRF token and adds nothing", async () => {
    const res = await postForm(app, "/admin/users", admin, {
      email: "x@example.org",
      name: "X",
      role: "admin",
      password: "a long enough password",
    });
    expect(res.statusCode).toBe(403);
    expect(db.select().from(users).all()).toHaveLength(2);
  });

  it("disables a user: their session is refused at once, and enabling lets them sign in again", async () => {
    const editorCookie = await signIn(app, "editor@example.org");
    expect((await app.inject({ url: "/staff", headers: { cookie: editorCookie } })).statusCode).toBe(200);
    const editorId = db
      .select()
      .from(users)
      .all()
      .find((u) => u.email === "editor@example.org")!.id;

    const res = await postForm(app, `/admin/users/${editorId}/disable`, admin, { _csrf: csrfFrom((await page()).body) });
    expect(res.statusCode).toBe(303);
    const refused = await app.inject({ url: "/staff", headers: { cookie: editorCookie } });
    expect(refused.statusCode).toBe(303);
    expect((await page()).body).toContain("disabled");

    await postForm(app, `/admin/users/${editorId}/enable`, admin, { _csrf: csrfFrom((await page()).body) });
    expect((await app.inject({ url: "/staff", headers: { cookie: await signIn(app, "editor@example.org") } })).statusCode).toBe(200);
  });

  it("refuses the session cookie of a user disabled behind its back with a clear message", async () => {
    const editorCookie = await signIn(app, "editor@example.org");
    // Disabled by another process (the CLI): the session row is still there.
    db.update(users).set({ disabledAt: "2026-11-21T19:00:00.000Z" }).run();
    const res = await postForm(app, "/logout", editorCookie, {});
    expect(res.statusCode).toBe(303);
    const page = await app.inject({ method: "POST", url: "/admin/users", headers: { cookie: editorCookie } });
    expect(page.statusCode).toBe(401);
    expect(parseHtml(page.body)("main").text()).toContain("This account has been disabled");
  });

  it("will not let an admin disable themselves", async () => {
    const me = db
      .select()
      .from(users)
      .all()
      .find((u) => u.email === "admin@example.org")!.id;
    const res = await postForm(app, `/admin/users/${me}/disable`, admin, { _csrf: csrfFrom((await page()).body) });
    expect(res.statusCode).toBe(409);
    expect(
      db
        .select()
        .from(users)
        .all()
        .every((u) => u.disabledAt === null),
    ).toBe(true);
  });

  it("lists API tokens and revokes one", async () => {
    const { id } = app.accounts.createToken("editor@example.org", "docket script");
    const $ = parseHtml((await page()).body);
    expect($("tr.token-row").text()).toContain("docket script");
    expect($("tr.token-row").text()).toContain("quash_");
    const res = await postForm(app, `/admin/tokens/${id}/revoke`, admin, { _csrf: csrfFrom((await page()).body) });
    expect(res.statusCode).toBe(303);
    expect(db.select().from(apiTokens).get()!.revokedAt).not.toBeNull();
    expect(parseHtml((await page()).body)("tr.token-row .badge").text()).toBe("revoked");
  });

  it("answers 404 for an unknown user and for a malformed id", async () => {
    const csrf = csrfFrom((await page()).body);
    expect((await postForm(app, "/admin/users/999/disable", admin, { _csrf: csrf })).statusCode).toBe(404);
    expect((await postForm(app, "/admin/users/abc/disable", admin, { _csrf: csrf })).statusCode).toBe(404);
    expect((await postForm(app, "/admin/users/01/disable", admin, { _csrf: csrf })).statusCode).toBe(404);
    expect(db.select().from(sessions).all().length).toBeGreaterThan(0);
  });
});
