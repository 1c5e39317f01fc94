import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { insertCase, insertEntry } from "../support/factories";
import { signIn } from "../support/auth";
import { call, fingerprint, setupWriteApi } from "./helpers";

describe("write API: who may write", () => {
  let app: FastifyInstance;
  let db: Db;
  let tokens: Awaited<ReturnType<typeof setupWriteApi>>["tokens"];
  const entry = { dateFiled: "2025-09-18", description: "MOTION to Quash" };

  beforeEach(async () => {
    ({ app, db, tokens } = await setupWriteApi());
    insertCase(db, { slug: "doe-v-dhs" });
  });
  afterEach(async () => app.close());

  it("answers 401 with WWW-Authenticate without a token, and changes nothing", async () => {
    const before = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { body: entry });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="Quash"');
    expect(res.json().error.message).toContain("Authorization: Bearer");
    expect(fingerprint(db)).toBe(before);
  });

  it("answers 401 for a made-up, malformed or revoked token", async () => {
    const before = fingerprint(db);
    for (const header of ["Bearer quash_notarealtoken", "Bearer", "Basic dXNlcjpwYXNz"]) {
      const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { body: entry, headers: { authorization: header } });
      expect(res.statusCode).toBe(401);
    }
    const revokedId = db.$client.prepare("SELECT id FROM api_tokens WHERE label = 'editor script'").pluck().get() as number;
    app.accounts.revokeToken(revokedId);
    const afterRevoke = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.editor, body: entry });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("The API token is not valid or has been revoked.");
    expect(fingerprint(db)).toBe(afterRevoke);
    expect(before).not.toBe(afterRevoke);
  });

  it("answers 401 for the token of a disabled user", async () => {
    db.update(users).set({ disabledAt: "2026-11-20T00:00:00.000Z" }).run();
    const before = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.editor, body: entry });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain("disabled");
    expect(fingerprint(db)).toBe(before);
  });

  it("answers 403 to a viewer's token, before reading the body, and changes nothing", async () => {
    const before = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.viewer, body: "{not json" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("editor role");
    expect(fingerprint(db)).toBe(before);
  });

  it("does not accept a session cookie: browsers write through the CSRF-protected forms", async () => {
    const cookie = await signIn(app, "editor@example.org");
    const before = fingerprint(db);
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { body: entry, headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(fingerprint(db)).toBe(before);
  });

  it("lets a viewer read revisions and records, but not write them", async () => {
    const kase = insertCase(db, { slug: "other" });
    const e = insertEntry(db, kase.id);
    expect((await call(app, "GET", `/api/v1/entries/${e.id}/revisions`, { token: tokens.viewer })).statusCode).toBe(200);
    expect((await call(app, "GET", `/api/v1/entries/${e.id}`, { token: tokens.viewer })).statusCode).toBe(200);
    expect((await call(app, "GET", `/api/v1/entries/${e.id}/revisions`)).statusCode).toBe(401);
    expect(
      (await call(app, "PATCH", `/api/v1/entries/${e.id}`, { token: tokens.viewer, body: {}, headers: { "if-match": '"1"' } })).statusCode,
    ).toBe(403);
  });

  it("lets an admin's token write and records who did it, with the token's number", async () => {
    const res = await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.admin, body: entry });
    expect(res.statusCode).toBe(201);
    const revisions = (await call(app, "GET", `/api/v1/entries/${res.json().id}/revisions`, { token: tokens.admin })).json().data;
    expect(revisions[0].actor).toMatch(/^admin@example\.org \(API token #\d+\)$/);
    expect(revisions[0].userId).toBe(
      db
        .select()
        .from(users)
        .all()
        .find((u) => u.email === "admin@example.org")!.id,
    );
  });

  it("records when a token was last used, only for requests that succeeded", async () => {
    const lastUsed = () => db.$client.prepare("SELECT last_used_at FROM api_tokens WHERE label = 'editor script'").pluck().get();
    await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.editor, body: {} });
    expect(lastUsed()).toBeNull();
    await call(app, "POST", "/api/v1/cases/doe-v-dhs/entries", { token: tokens.editor, body: entry });
    expect(lastUsed()).toBe("2026-11-21T20:00:00.000Z");
  });
});
