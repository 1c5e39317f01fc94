import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { testActor } from "../support/db";
import { insertAccount, insertCase, insertMotion, insertOrder, insertSubpoena } from "../support/factories";
import { parseHtml } from "../support/html";
import { appWithStaffBrowser, type StaffBrowser } from "./helpers";

describe("no lost updates: a stale edit is refused with both versions shown", () => {
  let app: FastifyInstance;
  let db: Db;
  let browser: StaffBrowser;

  beforeEach(async () => {
    ({ app, db, browser } = await appWithStaffBrowser());
  });
  afterEach(async () => app.close());

  const rowOf = (table: string, id: number) => db.$client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);

  it("answers 409 with the stored record and the user's version side by side, differences marked, nothing written", async () => {
    const subpoena = insertSubpoena(db, { title: "DHS subpoena to Meta", authorityCited: "8 U.S.C. § 1225(d)" });
    // Someone else saves first (version 1 → 2).
    app.editing.update("subpoena", subpoena.id, { authorityCited: "19 U.S.C. § 1509" }, { actor: testActor });
    const before = rowOf("subpoenas", subpoena.id);
    const revisionsBefore = app.editing.revisions("subpoena", subpoena.id).length;

    const res = await browser.post(`/staff/subpoenas/${subpoena.id}`, {
      version: "1",
      title: "DHS administrative subpoena to Meta",
      kind: "administrative_subpoena",
      authorityCited: "8 U.S.C. § 1225(d)",
    });
    expect(res.statusCode).toBe(409);
    expect(rowOf("subpoenas", subpoena.id)).toEqual(before);
    expect(app.editing.revisions("subpoena", subpoena.id)).toHaveLength(revisionsBefore);

    const $ = parseHtml(res.body);
    expect($("h1").text()).toBe("Not saved: someone else changed this subpoena first");
    expect($("[role=alert]").text()).toContain("You started from version 1; it is now at version 2");
    const row = (label: string) =>
      $(".conflict-table tbody tr").filter((_, tr) => $(tr).find("th").contents().first().text().trim() === label);
    expect(
      row("Title")
        .find("td")
        .map((_, td) => $(td).text())
        .get(),
    ).toEqual(["DHS subpoena to Meta", "DHS administrative subpoena to Meta"]);
    expect(row("Title").hasClass("differs")).toBe(true);
    expect(row("Title").find(".badge-warn")).toHaveLength(0);
    // The field someone else changed is marked as such.
    expect(
      row("Authority cited")
        .find("td")
        .map((_, td) => $(td).text())
        .get(),
    ).toEqual(["19 U.S.C. § 1509", "8 U.S.C. § 1225(d)"]);
    expect(row("Authority cited").find(".badge-warn").text()).toBe("changed since you opened it");
    expect(row("Kind").hasClass("differs")).toBe(false);
    // The way forward: start again from the current version.
    expect($(`a[href="/staff/subpoenas/${subpoena.id}/edit"]`).text()).toContain("Start again from the current version (version 2)");
    const form = parseHtml((await browser.get(`/staff/subpoenas/${subpoena.id}/edit`)).body);
    expect(form("input[name=version]").attr("value")).toBe("2");
    expect(form("#f-authorityCited").attr("value")).toBe("19 U.S.C. § 1509");
  });

  it("compares link sets too: an order's coverage rows, by their words", async () => {
    const kase = insertCase(db, { slug: "doe" });
    const order = insertOrder(db, kase.id, { title: "Stay order" });
    const subpoena = insertSubpoena(db, { title: "Summons to Meta" });
    const account = insertAccount(db, { handle: "@watcher" });
    app.editing.update("order", order.id, { coverage: [{ subpoenaId: subpoena.id, accountId: account.id }] }, { actor: testActor });
    const res = await browser.post(`/staff/cases/doe/orders/${order.id}`, { version: "1", title: "Stay order", kind: "non_production" });
    expect(res.statusCode).toBe(409);
    const $ = parseHtml(res.body);
    const coverage = $(".conflict-table tbody tr").filter((_, tr) => $(tr).find("th").text().startsWith("Coverage"));
    expect(coverage.find("td").first().text()).toContain("Subpoena: Summons to Meta; Account: @watcher");
    expect(coverage.find("td").last().text()).toBe("—");
    expect(coverage.hasClass("differs")).toBe(true);
    expect(app.editing.find("order", order.id)!.coverage).toHaveLength(1);
  });

  it("keeps the version the edit started from when a bad field sends the form back", async () => {
    const kase = insertCase(db, { slug: "doe" });
    const motion = insertMotion(db, kase.id, { title: "MTQ" });
    const bad = await browser.post(`/staff/cases/doe/motions/${motion.id}`, { version: "1", title: "", kind: "motion_to_quash" });
    expect(bad.statusCode).toBe(422);
    expect(parseHtml(bad.body)("input[name=version]").attr("value")).toBe("1");
    // Meanwhile someone else saves; the corrected form is still refused.
    app.editing.update("motion", motion.id, { statusNote: "by someone else" }, { actor: testActor });
    const again = await browser.post(`/staff/cases/doe/motions/${motion.id}`, {
      version: "1",
      title: "Motion to quash",
      kind: "motion_to_quash",
    });
    expect(again.statusCode).toBe(409);
    expect(app.editing.find("motion", motion.id)!.title).toBe("MTQ");
  });

  it("refuses a form without a version, saving nothing", async () => {
    const subpoena = insertSubpoena(db, { title: "Kept" });
    const res = await browser.post(`/staff/subpoenas/${subpoena.id}`, { title: "Changed", kind: "customs_summons" });
    expect(res.statusCode).toBe(400);
    expect(parseHtml(res.body)("main").text()).toContain("did not say which version it started from");
    expect(app.editing.find("subpoena", subpoena.id)!.title).toBe("Kept");
  });
});
