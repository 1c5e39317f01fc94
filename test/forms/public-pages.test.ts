import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { FLASH_COOKIE } from "../../server/forms/flash";
import { buildTestApp } from "../support/app";
import { insertCase, insertEntry, insertJudge, insertOrder, insertSubpoena } from "../support/factories";
import { parseHtml } from "../support/html";
import { errorBeside, flashText, staffBrowser } from "./helpers";

const SCRIPT = "<script>alert(1)</script>";

describe("staff controls on public pages, the confirmation, and script in text fields", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    caseId = insertCase(db, { slug: "doe", label: "Doe v. DHS" }).id;
  });
  afterEach(async () => app.close());

  it("shows Edit, Strike and the quick entry form to a signed-in editor; never to the public, nor in the cached bytes", async () => {
    const entry = insertEntry(db, caseId, { number: 1 });
    insertOrder(db, caseId, { slug: "stay" });
    // The public fills the cache first.
    const first = await app.inject("/cases/doe");
    const editor = await staffBrowser(app, db, "editor");
    const staff = parseHtml((await editor.get("/cases/doe")).body);
    expect(staff(`#entry-${entry.id} a[href="/staff/cases/doe/entries/${entry.id}/edit"]`).text()).toContain("Edit");
    expect(staff(`#entry-${entry.id} form[action="/staff/cases/doe/entries/${entry.id}/strike"] button`).text()).toContain("Strike");
    expect(staff(`#entry-${entry.id} a[href="/staff/history/entry/${entry.id}"]`)).toHaveLength(1);
    expect(staff('.staff-bar a[href="/staff/cases/doe/edit"]').text()).toBe("Edit the case");
    expect(staff('#quick-entry form[action="/staff/cases/doe/entries"] input[name=_csrf]').attr("value")).toBeTruthy();
    expect(staff("#order-stay .staff-controls a").first().attr("href")).toMatch(/^\/staff\/cases\/doe\/orders\/\d+\/edit$/);

    const again = await app.inject("/cases/doe");
    for (const html of [first.body, again.body]) {
      const $ = parseHtml(html);
      expect($(".staff-bar, .staff-controls, #quick-entry, input[name=_csrf]")).toHaveLength(0);
      expect(html).not.toContain("/staff/cases/doe");
    }
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(app.pageCache.get("/cases/doe")!.body.toString()).not.toContain("staff-controls");
    // Saving through a form drops the stored page in the same step: the public sees the new entry at once.
    expect(
      (await editor.post("/staff/cases/doe/entries", { number: "2", dateFiled: "2025-09-20", description: "NOTICE of hearing" }))
        .statusCode,
    ).toBe(303);
    const fresh = await app.inject("/cases/doe");
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
    expect(parseHtml(fresh.body)("table.docket-entries").text()).toContain("NOTICE of hearing");
    expect(fresh.body).not.toContain("staff-controls");
    // A viewer sees the history links but no Edit or Strike.
    const viewer = await staffBrowser(app, db, "viewer");
    const read = parseHtml((await viewer.get("/cases/doe")).body);
    expect(read(".staff-bar")).toHaveLength(1);
    expect(read(`#entry-${entry.id} form, #quick-entry`)).toHaveLength(0);
  });

  it("puts Edit on subpoena, judge and order pages for staff only, and serves staff a fresh page", async () => {
    const subpoena = insertSubpoena(db, { slug: "summons" });
    const judge = insertJudge(db, { slug: "hixson" });
    insertOrder(db, caseId, { slug: "stay", judgeId: judge.id });
    for (const url of ["/subpoenas/summons", "/judges/hixson", "/orders"]) await app.inject(url);
    const editor = await staffBrowser(app, db);
    const sub = parseHtml((await editor.get("/subpoenas/summons")).body);
    expect(sub(`.staff-bar a[href="/staff/subpoenas/${subpoena.id}/edit"]`).text()).toBe("Edit this subpoena");
    const judgePage = parseHtml((await editor.get("/judges/hixson")).body);
    expect(judgePage(".judge-orders .staff-controls a").first().text()).toBe("Edit");
    const orders = parseHtml((await editor.get("/orders")).body);
    expect(orders("#order-stay .staff-controls a").first().text()).toBe("Edit");
    for (const url of ["/subpoenas/summons", "/judges/hixson", "/orders"]) {
      expect((await app.inject(url)).body, url).not.toContain("staff-controls");
      expect((await app.inject(url)).body, url).not.toContain("staff-bar");
    }
  });

  it("shows the confirmation once, to the signed-in user only, and never stores it in a cached page", async () => {
    const editor = await staffBrowser(app, db);
    const res = await editor.post("/staff/cases/doe/entries", { number: "5", dateFiled: "2025-09-19", description: "ORDER" });
    const page = await editor.follow(res);
    expect(flashText(page.body)).toContain("Saved the docket entry ECF No. 5");
    expect(page.cookies.some((c) => c.name === FLASH_COOKIE && (c.maxAge === 0 || c.value === ""))).toBe(true);
    expect(flashText((await editor.get("/staff/cases/doe/entries/new")).body)).toBeNull();
    // The same cookie sent by the public does nothing (and the public page is cacheable as ever).
    const anon = await app.inject({ url: "/cases/doe", headers: { cookie: `${FLASH_COOKIE}=forged` } });
    expect(flashText(anon.body)).toBeNull();
    // On the docket page (rendered for the cache's render path) the confirmation shows too.
    const docketRedirect = await editor.post(`/staff/cases/doe/entries/${app.editing.resolveId("entry", "1")}`, {
      version: "1",
      number: "5",
      dateFiled: "2025-09-19",
      description: "ORDER granting",
      kind: "order",
      source: "manual",
    });
    expect(flashText((await editor.follow(docketRedirect)).body)).toContain("Saved the docket entry ECF No. 5");
    expect(app.pageCache.get("/cases/doe")?.body.toString() ?? "").not.toContain("Saved the docket entry");
  });

  it("stores script typed in a text field as text, and shows it escaped on the form, the docket page and the API", async () => {
    const editor = await staffBrowser(app, db);
    const bad = await editor.post("/staff/cases/doe/entries", { number: "1", dateFiled: "not a date", description: SCRIPT });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).not.toContain(SCRIPT);
    expect(parseHtml(bad.body)("#f-description").attr("value")).toBe(SCRIPT);
    expect(errorBeside(bad.body, "f-dateFiled")).toContain("must be a real date");

    const ok = await editor.post("/staff/cases/doe/entries", { number: "1", dateFiled: "2025-09-19", description: SCRIPT, kind: "other" });
    expect(ok.statusCode).toBe(303);
    const stored = db.$client.prepare("SELECT id, description FROM docket_entries").get() as { id: number; description: string };
    expect(stored.description).toBe(SCRIPT);

    const confirmation = await editor.follow(ok);
    const form = await editor.get(`/staff/cases/doe/entries/${stored.id}/edit`);
    for (const html of [form.body, confirmation.body, (await app.inject("/cases/doe")).body, (await editor.get("/cases/doe")).body]) {
      expect(html).not.toContain(SCRIPT);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    expect(parseHtml(form.body)("#f-description").text()).toBe(SCRIPT);
    const api = await app.inject("/api/v1/cases/doe");
    expect(api.headers["content-type"]).toContain("application/json");
    expect(JSON.stringify(api.json())).toContain(JSON.stringify(SCRIPT).slice(1, -1));
  });
});
