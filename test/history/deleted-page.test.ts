import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { revisions } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { parseHtml } from "../support/html";

describe("deleted records page", () => {
  let app: FastifyInstance;
  let db: Db;
  let editorCookie: string;
  let viewerCookie: string;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await createUser(app, { email: "editor@example.org", role: "editor" });
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    editorCookie = await signIn(app, "editor@example.org");
    viewerCookie = await signIn(app, "viewer@example.org");
  });
  afterEach(async () => app.close());

  const actor = { userId: null, label: "editor@example.org" };
  const deletedPage = (cookie = editorCookie) => app.inject({ url: "/staff/deleted", headers: { cookie } });
  const rowNamed = ($: ReturnType<typeof parseHtml>, name: string) =>
    $("tr.deleted-row").filter((_, tr) => $(tr).find("th").text().includes(name));

  function setUp() {
    const subpoena = insertSubpoena(db, { title: "ICE summons to Meta for @LBProtest" });
    app.editing.remove("subpoena", subpoena.id, { actor, reason: "entered twice" });
    const kase = insertCase(db, { caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 7, description: "NOTICE filed in error" });
    app.editing.setStricken(entry.id, true, { actor, reason: "stricken by the court, ECF No. 9" });
    return { subpoena, kase, entry };
  }

  it("lists deleted records and stricken entries with who hid them, when and why, linked to their history", async () => {
    const { subpoena, entry } = setUp();
    const page = await deletedPage();
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    const $ = parseHtml(page.body);
    expect($("h1").text()).toBe("Deleted records");
    expect($("tr.deleted-row")).toHaveLength(2);

    const subpoenaRow = rowNamed($, "ICE summons to Meta");
    expect(subpoenaRow.find("td").eq(0).text()).toBe("Subpoena");
    expect(subpoenaRow.find("time").attr("datetime")).toBe("2026-11-21T20:00:00.000Z");
    expect(subpoenaRow.find("td").eq(2).text()).toBe("editor@example.org");
    expect(subpoenaRow.find("td").eq(3).text()).toBe("entered twice");
    expect(subpoenaRow.find("th a").attr("href")).toBe(`/staff/history/subpoena/${subpoena.id}`);

    const entryRow = rowNamed($, "ECF No. 7");
    expect(entryRow.find("td").eq(0).text()).toBe("Docket entry (stricken)");
    expect(entryRow.find("th").text()).toContain("Doe v. DHS");
    expect(entryRow.find("td").eq(3).text()).toBe("stricken by the court, ECF No. 9");
    expect(entryRow.find("button").text()).toContain("Un-strike");
    expect(entryRow.find("th a").attr("href")).toBe(`/staff/history/entry/${entry.id}`);
  });

  it("restores a deleted subpoena (the public page is back) and un-strikes an entry, each with a revision", async () => {
    const { subpoena, entry } = setUp();
    expect((await app.inject(`/subpoenas/${subpoena.slug}`)).statusCode).toBe(404);
    const page = await deletedPage();
    const $ = parseHtml(page.body);
    const before = db.select().from(revisions).all().length;

    for (const name of ["ICE summons to Meta", "ECF No. 7"]) {
      const form = rowNamed($, name).find("form");
      const res = await postForm(app, form.attr("action")!, editorCookie, {
        _csrf: csrfFrom(page.body),
        version: form.find('input[name="version"]').attr("value")!,
      });
      expect(res.statusCode, name).toBe(303);
    }
    expect(db.select().from(revisions).all().length).toBe(before + 2);
    expect(app.editing.find("subpoena", subpoena.id)!.deletedAt).toBeNull();
    expect(app.editing.find("entry", entry.id)!.stricken).toBe(false);
    expect((await app.inject(`/subpoenas/${subpoena.slug}`)).statusCode).toBe(200);
    expect(parseHtml((await deletedPage()).body)("tr.deleted-row")).toHaveLength(0);

    const history = parseHtml(
      (await app.inject({ url: `/staff/history/subpoena/${subpoena.id}`, headers: { cookie: editorCookie } })).body,
    );
    expect(history("ol.revision-list > li").first().find("h3 .badge").first().text()).toBe("Restored");
  });

  it("refuses a restore from a stale page (409) and one without a CSRF token (403), changing nothing", async () => {
    const { subpoena } = setUp();
    const page = await deletedPage();
    const form = rowNamed(parseHtml(page.body), "ICE summons to Meta").find("form");
    app.editing.restore("subpoena", subpoena.id, { actor });
    app.editing.remove("subpoena", subpoena.id, { actor, reason: "deleted again" });
    const before = db.select().from(revisions).all().length;

    const stale = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      version: form.find('input[name="version"]').attr("value")!,
    });
    expect(stale.statusCode).toBe(409);
    expect(parseHtml(stale.body)('[role="alert"]').text()).toContain("Nothing was saved");
    const noToken = await postForm(app, form.attr("action")!, editorCookie, {
      version: String(app.editing.find("subpoena", subpoena.id)!.version),
    });
    expect(noToken.statusCode).toBe(403);
    expect(db.select().from(revisions).all().length).toBe(before);
    expect(app.editing.find("subpoena", subpoena.id)!.deletedAt).not.toBeNull();
  });

  it("shows viewers the list without restore buttons, and refuses their restore with 403", async () => {
    const { subpoena } = setUp();
    const page = await deletedPage(viewerCookie);
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("tr.deleted-row")).toHaveLength(2);
    expect($("tr.deleted-row form")).toHaveLength(0);
    const token = csrfFrom((await app.inject({ url: "/staff", headers: { cookie: viewerCookie } })).body);
    const res = await postForm(app, `/staff/deleted/subpoena/${subpoena.id}/restore`, viewerCookie, { _csrf: token, version: "2" });
    expect(res.statusCode).toBe(403);
    expect(app.editing.find("subpoena", subpoena.id)!.deletedAt).not.toBeNull();
  });

  it("restores records the forms do not edit (a document) through the record store", async () => {
    const kase = insertCase(db);
    const entry = insertEntry(db, kase.id);
    const document = app.store.insert("document", { entryId: entry.id, attachmentNumber: 1, description: "Exhibit A" }, { actor });
    app.store.remove("document", document.id, { actor, reason: "wrong entry" });
    const page = await deletedPage();
    const form = rowNamed(parseHtml(page.body), "Attachment 1: Exhibit A").find("form");
    const res = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      version: form.find('input[name="version"]').attr("value")!,
    });
    expect(res.statusCode).toBe(303);
    expect(app.store.find("document", document.id)!.deletedAt).toBeNull();
  });
});
