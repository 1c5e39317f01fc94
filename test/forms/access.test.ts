import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { postForm } from "../support/auth";
import { buildTestApp } from "../support/app";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { parseHtml } from "../support/html";
import { staffBrowser } from "./helpers";

describe("who may use the forms", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    insertCase(db, { slug: "doe" });
  });
  afterEach(async () => app.close());

  const revisionCount = () => (db.$client.prepare("SELECT count(*) AS n FROM revisions").get() as { n: number }).n;

  it("refuses a form without the CSRF token (403) and changes nothing", async () => {
    const editor = await staffBrowser(app, db, "editor");
    const subpoena = insertSubpoena(db, { title: "Kept" });
    const before = revisionCount();
    for (const [url, form] of [
      ["/staff/subpoenas", { title: "New", kind: "customs_summons" }],
      [`/staff/subpoenas/${subpoena.id}`, { version: "1", title: "Changed", kind: "customs_summons" }],
      [`/staff/subpoenas/${subpoena.id}/delete`, { version: "1" }],
      ["/staff/cases/doe/entries", { number: "1", dateFiled: "2025-09-18", description: "MOTION" }],
    ] as const) {
      const missing = await postForm(app, url, editor.cookie, form);
      expect(missing.statusCode, url).toBe(403);
      expect(parseHtml(missing.body)("main").text()).toContain("nothing was saved");
      const forged = await postForm(app, url, editor.cookie, { ...form, _csrf: "forged.token" });
      expect(forged.statusCode, url).toBe(403);
    }
    expect(revisionCount()).toBe(before);
    expect(app.editing.find("subpoena", subpoena.id)).toMatchObject({ title: "Kept", deletedAt: null });
  });

  it("lets a viewer read a form but not save it: 403 on every POST, nothing changed", async () => {
    const viewer = await staffBrowser(app, db, "viewer");
    const subpoena = insertSubpoena(db, { title: "Kept" });
    const entry = insertEntry(db, app.editing.resolveId("case", "doe")!);
    const form = await viewer.get(`/staff/subpoenas/${subpoena.id}/edit`);
    expect(form.statusCode).toBe(200);
    const $ = parseHtml(form.body);
    expect($("fieldset.form-body").attr("disabled")).toBeDefined();
    expect($("form.record-form button[type=submit]")).toHaveLength(0);
    expect($(".form-actions")).toHaveLength(0);
    expect($("[role=note]").text()).toContain("can read this form but not save it");
    expect((await viewer.get("/staff/subpoenas/new")).statusCode).toBe(403);
    const before = revisionCount();
    for (const [url, body] of [
      ["/staff/subpoenas", { title: "New", kind: "customs_summons" }],
      [`/staff/subpoenas/${subpoena.id}`, { version: "1", title: "Changed", kind: "customs_summons" }],
      [`/staff/subpoenas/${subpoena.id}/delete`, { version: "1" }],
      [`/staff/cases/doe/entries/${entry.id}/strike`, { version: "1" }],
    ] as const) {
      expect((await viewer.post(url, body)).statusCode, url).toBe(403);
    }
    expect(revisionCount()).toBe(before);
  });

  it("sends an anonymous browser to the sign-in page, and refuses its posts", async () => {
    const page = await app.inject("/staff/cases/doe/entries/new");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/login?next=${encodeURIComponent("/staff/cases/doe/entries/new")}`);
    const post = await app.inject({ method: "POST", url: "/staff/subpoenas", payload: { title: "x", kind: "customs_summons" } });
    expect(post.statusCode).toBe(401);
    expect(revisionCount()).toBe(1);
  });

  it("answers unknown records and cases with a 404 page", async () => {
    const editor = await staffBrowser(app, db);
    for (const url of [
      "/staff/subpoenas/999/edit",
      "/staff/cases/nope",
      "/staff/cases/nope/edit",
      "/staff/cases/doe/motions/999/edit",
      "/staff/fact-sources/999/edit",
    ]) {
      const res = await editor.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("text/html");
    }
  });
});
