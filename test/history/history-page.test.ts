import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { revisions } from "../../db/schema";
import { EntryCreate, MotionCreate } from "../../server/editing/schemas";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { insertCase, insertParty } from "../support/factories";
import { parseHtml } from "../support/html";

const editor = { userId: null, label: "editor@example.org" };
const LONG_TEXT =
  "MOTION to Quash Administrative Subpoena issued by the Department of Homeland Security to Meta Platforms, Inc. filed by J. Doe.";

describe("history page", () => {
  let app: FastifyInstance;
  let db: Db;
  let editorCookie: string;
  let viewerCookie: string;
  let kase: { id: number; slug: string };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    await createUser(app, { email: "editor@example.org", role: "editor" });
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    editorCookie = await signIn(app, "editor@example.org");
    viewerCookie = await signIn(app, "viewer@example.org");
    kase = insertCase(db, { caption: "Doe v. Department of Homeland Security" });
  });
  afterEach(async () => app.close());

  const revisionCount = () => db.select().from(revisions).all().length;
  const createEntry = (input: Record<string, unknown>) =>
    app.editing.create("entry", EntryCreate.parse({ dateFiled: "2025-09-18", ...input }), { actor: editor, caseId: kase.id });
  const historyOf = (type: string, id: number | string, cookie = editorCookie) =>
    app.inject({ url: `/staff/history/${type}/${id}`, headers: { cookie } });

  it("lists every revision newest first, with who, when, the action, the reason and a word-level diff of long text", async () => {
    const entry = createEntry({ number: 1, description: LONG_TEXT, kind: "motion" });
    app.editing.update(
      "entry",
      entry.id,
      { description: LONG_TEXT.replace("filed by J. Doe", "filed by J. Doe and R. Roe"), kind: "other" },
      {
        actor: editor,
        reason: "clerk corrected the filer",
      },
    );

    const page = await historyOf("entry", entry.id);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    const $ = parseHtml(page.body);
    expect($("h1").text()).toContain("History: Docket entry ECF No. 1");
    const items = $("ol.revision-list > li");
    expect(items).toHaveLength(2);
    const newest = items.first();
    expect(newest.find("h3 .badge").first().text()).toBe("Updated");
    expect(newest.find("h3").text()).toContain("by editor@example.org");
    expect(newest.find("h3 time").attr("datetime")).toBe("2026-11-21T20:00:00.000Z");
    expect(newest.text()).toContain("Reason: clerk corrected the filer");
    const description = newest.find("tr").filter((_, tr) => $(tr).find("th").text() === "Description");
    const cell = description.find("td.text-diff");
    expect(cell.find("ins").text()).toContain("Roe");
    // Without the deletions the cell reads as the new text; without the insertions, as the old.
    const newText = LONG_TEXT.replace("filed by J. Doe", "filed by J. Doe and R. Roe");
    expect(cell.clone().find("del").remove().end().text()).toBe(newText);
    expect(cell.clone().find("ins").remove().end().text()).toBe(LONG_TEXT);
    const kind = newest.find("tr").filter((_, tr) => $(tr).find("th").text() === "Kind");
    expect(
      kind
        .find("td")
        .map((_, td) => $(td).text().trim())
        .get(),
    ).toEqual(["motion", "other"]);
    expect(items.last().find("h3 .badge").first().text()).toBe("Created");
  });

  it("shows link-set changes as items added and removed, with the names of the records", async () => {
    const doe = insertParty(db, kase.id, { name: "J. Doe" });
    const roe = insertParty(db, kase.id, { name: "R. Roe" });
    const motion = app.editing.create(
      "motion",
      MotionCreate.parse({ kind: "motion_to_quash", title: "Motion to quash", movantPartyIds: [doe.id] }),
      {
        actor: editor,
        caseId: kase.id,
      },
    );
    app.editing.update("motion", motion.id, { movantPartyIds: [roe.id] }, { actor: editor });

    const $ = parseHtml((await historyOf("motion", motion.id)).body);
    const links = $("ol.revision-list > li").first().find("ul.link-changes li");
    expect(links.map((_, li) => $(li).text()).get()).toEqual([`Added: R. Roe (#${roe.id})`, `Removed: J. Doe (#${doe.id})`]);
  });

  it("restores an earlier version as a new revision, and the public page shows the old text again", async () => {
    const entry = createEntry({ number: 2, description: "Order granting stay of production" });
    app.editing.update("entry", entry.id, { description: "Order denying stay" }, { actor: editor });
    const before = revisionCount();

    const page = await historyOf("entry", entry.id);
    const $ = parseHtml(page.body);
    const form = $("ol.revision-list > li").last().find("form.revert-form");
    expect(form.find("button").text()).toBe("Restore this version");
    const res = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      revisionId: form.find('input[name="revisionId"]').attr("value")!,
      version: form.find('input[name="version"]').attr("value")!,
      reason: "the clerk's text was right",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/staff/history/entry/${entry.id}`);
    expect(revisionCount()).toBe(before + 1);
    expect(app.editing.find("entry", entry.id)!.description).toBe("Order granting stay of production");

    const publicPage = await app.inject(`/cases/${kase.slug}/entries/${entry.id}`);
    expect(parseHtml(publicPage.body)("main").text()).toContain("Order granting stay of production");
    const after = parseHtml((await historyOf("entry", entry.id)).body);
    const newest = after("ol.revision-list > li").first();
    expect(newest.text()).toContain("restored revision");
    expect(newest.text()).toContain("the clerk's text was right");
    // The version now current needs no restore button; the one it replaced still has one.
    expect(newest.find("form.revert-form")).toHaveLength(0);
  });

  it("refuses a restore from a stale page with 409 and changes nothing", async () => {
    const entry = createEntry({ number: 3, description: "First text" });
    app.editing.update("entry", entry.id, { description: "Second text" }, { actor: editor });
    const page = await historyOf("entry", entry.id);
    const form = parseHtml(page.body)("ol.revision-list > li").last().find("form.revert-form");
    // Someone else saves after the page was loaded.
    app.editing.update("entry", entry.id, { description: "Third text" }, { actor: editor });
    const before = revisionCount();

    const res = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      revisionId: form.find('input[name="revisionId"]').attr("value")!,
      version: form.find('input[name="version"]').attr("value")!,
    });
    expect(res.statusCode).toBe(409);
    expect(parseHtml(res.body)('[role="alert"]').text()).toContain("changed by someone else");
    expect(parseHtml(res.body)('[role="alert"]').text()).toContain("Nothing was saved");
    expect(revisionCount()).toBe(before);
    expect(app.editing.find("entry", entry.id)!.description).toBe("Third text");
  });

  it("refuses a reason over 500 characters (400), saying so, and changes nothing", async () => {
    const entry = createEntry({ description: "First" });
    app.editing.update("entry", entry.id, { description: "Second" }, { actor: editor });
    const page = await historyOf("entry", entry.id);
    const form = parseHtml(page.body)("ol.revision-list > li").last().find("form.revert-form");
    const before = revisionCount();
    const res = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      revisionId: form.find('input[name="revisionId"]').attr("value")!,
      version: form.find('input[name="version"]').attr("value")!,
      reason: "x".repeat(501),
    });
    expect(res.statusCode).toBe(400);
    expect(parseHtml(res.body)('[role="alert"]').text()).toContain("reason must be at most 500 characters");
    expect(revisionCount()).toBe(before);
  });

  it("lets a viewer read the history but not restore (403), and shows them no restore form", async () => {
    const entry = createEntry({ description: "First" });
    app.editing.update("entry", entry.id, { description: "Second" }, { actor: editor });
    const page = await historyOf("entry", entry.id, viewerCookie);
    expect(page.statusCode).toBe(200);
    expect(parseHtml(page.body)("form.revert-form")).toHaveLength(0);
    const first = app.editing.revisions("entry", entry.id)[0]!;
    const staffHome = await app.inject({ url: "/staff", headers: { cookie: viewerCookie } });
    const res = await postForm(app, `/staff/history/entry/${entry.id}/revert`, viewerCookie, {
      _csrf: csrfFrom(staffHome.body),
      revisionId: String(first.id),
      version: "2",
    });
    expect(res.statusCode).toBe(403);
    expect(app.editing.find("entry", entry.id)!.description).toBe("Second");
  });

  it("refuses a restore without a CSRF token (403) and changes nothing", async () => {
    const entry = createEntry({ description: "First" });
    app.editing.update("entry", entry.id, { description: "Second" }, { actor: editor });
    const before = revisionCount();
    const first = app.editing.revisions("entry", entry.id)[0]!;
    const res = await postForm(app, `/staff/history/entry/${entry.id}/revert`, editorCookie, {
      revisionId: String(first.id),
      version: "2",
    });
    expect(res.statusCode).toBe(403);
    expect(parseHtml(res.body)("main").text()).toContain("nothing was saved");
    expect(revisionCount()).toBe(before);
  });

  it("answers 404 pages for an unknown type or id, and sends the public to sign in", async () => {
    for (const url of ["/staff/history/nonsense/1", "/staff/history/entry/999", "/staff/history/entry/abc", "/staff/history/user/1"]) {
      const res = await app.inject({ url, headers: { cookie: editorCookie } });
      expect(res.statusCode, url).toBe(404);
      expect(parseHtml(res.body)("h1").text()).toBe("Page not found");
    }
    const anonymous = await app.inject(`/staff/history/case/${kase.id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(`/staff/history/case/${kase.id}`)}`);
  });

  it("shows script typed into a field as text, and labels a sealed entry's history", async () => {
    const entry = createEntry({ description: "<script>alert('x')</script> Sealed declaration", sealed: true });
    const page = await historyOf("entry", entry.id);
    expect(page.body).not.toContain("<script>alert");
    const $ = parseHtml(page.body);
    expect($("ol.revision-list").text()).toContain("<script>alert('x')</script>");
    expect($(".notice .badge-sealed").text()).toBe("SEALED");
  });

  it("puts back the link sets of an earlier version, and what derives from them follows", async () => {
    const motion = app.editing.create("motion", MotionCreate.parse({ kind: "motion_to_quash", title: "MTQ" }), {
      actor: editor,
      caseId: kase.id,
    });
    const order = app.editing.create(
      "order",
      { title: "Order", kind: "ruling", dispositions: [{ motionId: motion.id, disposition: "granted" }] },
      {
        actor: editor,
        caseId: kase.id,
      },
    );
    expect(app.editing.find("motion", motion.id)!.status).toBe("granted");
    app.editing.update("order", order.id, { dispositions: [{ motionId: motion.id, disposition: "denied" }] }, { actor: editor });
    expect(app.editing.find("motion", motion.id)!.status).toBe("denied");

    const page = await historyOf("order", order.id);
    const form = parseHtml(page.body)("ol.revision-list > li").last().find("form.revert-form");
    const res = await postForm(app, form.attr("action")!, editorCookie, {
      _csrf: csrfFrom(page.body),
      revisionId: form.find('input[name="revisionId"]').attr("value")!,
      version: form.find('input[name="version"]').attr("value")!,
    });
    expect(res.statusCode).toBe(303);
    expect(app.editing.find("order", order.id)!.dispositions).toEqual([{ motionId: motion.id, disposition: "granted" }]);
    expect(app.editing.find("motion", motion.id)!.status).toBe("granted");
  });
});
