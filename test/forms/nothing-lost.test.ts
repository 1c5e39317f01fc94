import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import {
  citeSource,
  insertCase,
  insertCourt,
  insertCoverage,
  insertDeadline,
  insertMotion,
  insertOrder,
  insertSource,
  insertSubpoena,
} from "../support/factories";
import { parseHtml } from "../support/html";
import { appWithStaffBrowser, flashText, type StaffBrowser } from "./helpers";

describe("nothing lost: deletes are reversible, deadlines are marked, sources are linked", () => {
  let app: FastifyInstance;
  let db: Db;
  let browser: StaffBrowser;

  beforeEach(async () => {
    ({ app, db, browser } = await appWithStaffBrowser());
  });
  afterEach(async () => app.close());

  it("deletes a subpoena by hiding it, and restores it from its edit page", async () => {
    const subpoena = insertSubpoena(db, { slug: "summons", title: "Summons to Meta" });
    const deleted = await browser.post(`/staff/subpoenas/${subpoena.id}/delete`, { version: "1" });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/staff/subpoenas/${subpoena.id}/edit`);
    expect(app.editing.find("subpoena", subpoena.id)!.deletedAt).not.toBeNull();
    expect((await app.inject("/subpoenas/summons")).statusCode).toBe(404);

    const page = await browser.follow(deleted);
    const $ = parseHtml(page.body);
    expect(flashText(page.body)).toContain("Deleted the subpoena Summons to Meta. It is hidden, not erased");
    expect($("form.record-form")).toHaveLength(0);
    const restore = $(`form[action="/staff/subpoenas/${subpoena.id}/restore"]`);
    expect(restore.find("button").text()).toBe("Restore");
    expect(restore.find("input[name=version]").attr("value")).toBe("2");
    // A deleted record is listed, marked, so it can be found again.
    const list = parseHtml((await browser.get("/staff/subpoenas")).body);
    expect(list(".staff-list li").text()).toContain("deleted");

    const restored = await browser.post(`/staff/subpoenas/${subpoena.id}/restore`, { version: "2" });
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe("/subpoenas/summons");
    expect(app.editing.find("subpoena", subpoena.id)).toMatchObject({ deletedAt: null, version: 3 });
    expect(app.editing.revisions("subpoena", subpoena.id).map((r) => r.action)).toEqual(["create", "delete", "restore"]);
    expect((await app.inject("/subpoenas/summons")).statusCode).toBe(200);
  });

  it("refuses to delete from a stale page (409), deleting nothing", async () => {
    const subpoena = insertSubpoena(db);
    app.editing.update("subpoena", subpoena.id, { title: "Renamed" }, { actor: { userId: null, label: "someone" } });
    const res = await browser.post(`/staff/subpoenas/${subpoena.id}/delete`, { version: "1" });
    expect(res.statusCode).toBe(409);
    expect(app.editing.find("subpoena", subpoena.id)!.deletedAt).toBeNull();
  });

  it("marks a deadline met from the case's staff page, and opens it again", async () => {
    const kase = insertCase(db, { slug: "doe" });
    const deadline = insertDeadline(db, kase.id, { label: "Opposition due", dateDue: "2026-12-01", origin: "court_ordered" });
    const page = parseHtml((await browser.get("/staff/cases/doe")).body);
    const mark = page(`#deadlines form[action="/staff/cases/doe/deadlines/${deadline.id}/mark"]`).first();
    expect(mark.find("input[name=status]").attr("value")).toBe("met");
    const res = await browser.post(`/staff/cases/doe/deadlines/${deadline.id}/mark`, { status: "met", version: "1" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/doe#deadline-${deadline.id}`);
    expect(app.editing.find("deadline", deadline.id)).toMatchObject({ status: "met", version: 2 });
    expect(app.editing.revisions("deadline", deadline.id).at(-1)).toMatchObject({ actor: "editor@example.org", reason: "marked met" });
    expect(flashText((await browser.follow(res)).body)).toBe("Marked met: Opposition due (due Tuesday, December 1, 2026).");
    expect((await browser.post(`/staff/cases/doe/deadlines/${deadline.id}/mark`, { status: "met", version: "1" })).statusCode).toBe(409);
    expect((await browser.post(`/staff/cases/doe/deadlines/${deadline.id}/mark`, { status: "done", version: "2" })).statusCode).toBe(400);
    expect((await browser.post(`/staff/cases/doe/deadlines/${deadline.id}/mark`, { status: "open", version: "2" })).statusCode).toBe(303);
    expect(app.editing.find("deadline", deadline.id)!.status).toBe("open");
  });

  it("sets a motion's rule deadlines running when the motion is saved, in the same write", async () => {
    insertCourt(db, { id: "cand" });
    insertCase(db, { slug: "doe", courtId: "cand" });
    const res = await browser.post("/staff/cases/doe/motions", {
      title: "Motion to quash",
      kind: "motion_to_quash",
      dateFiled: "2026-11-02",
      track: "noticed",
      status: "pending",
    });
    expect(res.statusCode).toBe(303);
    const motionId = Number((db.$client.prepare("SELECT id FROM motions").get() as { id: number }).id);
    const deadlines = db.$client.prepare("SELECT label, origin FROM deadlines WHERE motion_id = ?").all(motionId) as {
      label: string;
      origin: string;
    }[];
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => d.origin === "computed")).toBe(true);
    const form = parseHtml((await browser.get(`/staff/cases/doe/motions/${motionId}/edit`)).body);
    const section = form(".related-list").filter((_, el) => form(el).find("h2").text() === "Its deadlines");
    expect(section.find("li")).toHaveLength(deadlines.length);
  });

  it("an order's disposition sets the motion's status, in the same save", async () => {
    const kase = insertCase(db, { slug: "doe" });
    const motion = insertMotion(db, kase.id);
    const res = await browser.post("/staff/cases/doe/orders", {
      title: "Order denying motion",
      kind: "ruling",
      "dispositions[0][motionId]": String(motion.id),
      "dispositions[0][disposition]": "denied",
    });
    expect(res.statusCode).toBe(303);
    expect(app.editing.find("motion", motion.id)).toMatchObject({ status: "denied" });
  });

  it("removes an order's coverage row with the row's own box: the row is hidden, not erased", async () => {
    const kase = insertCase(db, { slug: "doe" });
    const order = insertOrder(db, kase.id, { title: "Stay order" });
    const subpoena = insertSubpoena(db);
    const row = insertCoverage(db, order.id, subpoena.id);
    const form = parseHtml((await browser.get(`/staff/cases/doe/orders/${order.id}/edit`)).body);
    expect(form("#f-coverage-0-subpoenaId option[selected]").attr("value")).toBe(String(subpoena.id));
    const res = await browser.post(`/staff/cases/doe/orders/${order.id}`, {
      version: "1",
      title: "Stay order",
      kind: "non_production",
      "coverage[0][subpoenaId]": String(subpoena.id),
      "coverage[0][status]": "in_force",
      "coverage[0][_remove]": "true",
      "coverage[1][subpoenaId]": "",
      "coverage[1][status]": "in_force",
    });
    expect(res.statusCode).toBe(303);
    expect(app.editing.find("order", order.id)!.coverage).toEqual([]);
    expect(app.editing.find("coverage", row.id)!.deletedAt).not.toBeNull();
  });

  it("lists a record's sources on its edit page, links another, and removes one", async () => {
    const subpoena = insertSubpoena(db);
    const s1 = insertSource(db, { tag: "S01", title: "Court order" });
    const s2 = insertSource(db, { tag: "S02", title: "News report" });
    const link = citeSource(db, "subpoena", subpoena.id, s1.id, {
      field: "dateIssued",
      verifiedAgainstDocket: true,
      quote: "dated September 3",
    });
    const $ = parseHtml((await browser.get(`/staff/subpoenas/${subpoena.id}/edit`)).body);
    const row = $("#sources tbody tr").first();
    expect(row.find("th").text()).toBe("Date issued");
    expect(row.text()).toContain("S01");
    expect(row.text()).toContain("checked against the docket");
    // The add form: the field from the record's form, the source from the register.
    const add = $("#sources form[action='/staff/fact-sources']");
    expect(add.find("input[name=recordType]").attr("value")).toBe("subpoena");
    expect(
      add
        .find("select[name=field] option")
        .map((_, o) => $(o).text())
        .get(),
    ).toContain("Authority cited");
    expect(
      add
        .find("select[name=sourceId] option")
        .map((_, o) => $(o).text())
        .get(),
    ).toEqual(["choose a source from the register", "S01: Court order", "S02: News report"]);

    const added = await browser.post("/staff/fact-sources", {
      recordType: "subpoena",
      recordId: String(subpoena.id),
      field: "authorityCited",
      sourceId: String(s2.id),
      inferred: "true",
      inferredReason: "The report names the statute.",
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/staff/subpoenas/${subpoena.id}/edit#sources`);
    const after = parseHtml((await browser.get(`/staff/subpoenas/${subpoena.id}/edit`)).body);
    expect(after("#sources tbody tr")).toHaveLength(2);
    expect(after("#sources tbody").text()).toContain("inferred");

    const removed = await browser.post(`/staff/fact-sources/${link.id}/delete`, { version: "1" });
    expect(removed.statusCode).toBe(303);
    expect(app.editing.find("fact_source", link.id)!.deletedAt).not.toBeNull();
    expect(parseHtml((await browser.get(`/staff/subpoenas/${subpoena.id}/edit`)).body)("#sources tbody tr")).toHaveLength(1);
  });
});
