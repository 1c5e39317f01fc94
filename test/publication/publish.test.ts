import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { call, fingerprint, setupWriteApi } from "../api-write/helpers";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { insertCase, insertCourt, insertEntry, insertParty } from "../support/factories";
import { parseHtml } from "../support/html";

/*
 * Publishing is a decision with a reason, written as a revision; until it is made, a case and
 * everything of it stays off the public surfaces, and when it is made (or taken back) every
 * public surface follows in the same request, stored pages included.
 */

describe("publishing a case", () => {
  let app: FastifyInstance;
  let db: Db;
  let tokens: Awaited<ReturnType<typeof setupWriteApi>>["tokens"];
  beforeEach(async () => {
    ({ app, db, tokens } = await setupWriteApi());
    insertCourt(db);
  });
  afterEach(async () => app.close());

  function waitingCase() {
    const kase = insertCase(db, {
      slug: "smith-v-jones",
      caption: "Smith v. Jones",
      docketNumber: "3:26-cv-01234",
      courtId: "cand",
      published: false,
      group: "unsorted",
    });
    insertEntry(db, kase.id, { number: 1, description: "COMPLAINT filed by Alex Smith" });
    insertParty(db, kase.id, { name: "Alex Smith", role: "Plaintiff", pseudonymous: false });
    return kase;
  }

  const publicBodies = async () =>
    (await Promise.all(["/cases", "/", "/feed.atom", "/api/v1/cases"].map((url) => app.inject(url)))).map((r) => r.body).join("\n");

  it("needs a reason, and a group for an Unsorted case: 400 naming the field, nothing changed", async () => {
    const kase = waitingCase();
    const before = fingerprint(db);
    const noReason = await call(app, "POST", `/api/v1/cases/${kase.slug}/publish`, { token: tokens.editor, body: { group: "related" } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ path: "reason", message: "is required: say why" }]);
    const noGroup = await call(app, "POST", `/api/v1/cases/${kase.slug}/publish`, {
      token: tokens.editor,
      body: { reason: "Part of the cluster" },
    });
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.json().errors).toEqual([{ path: "group", message: expect.stringContaining("is required") }]);
    const unsorted = await call(app, "POST", `/api/v1/cases/${kase.slug}/publish`, {
      token: tokens.editor,
      body: { reason: "x", group: "unsorted" },
    });
    expect(unsorted.statusCode).toBe(400);
    expect(unsorted.json().errors[0].path).toBe("group");
    const viewer = await call(app, "POST", `/api/v1/cases/${kase.slug}/publish`, {
      token: tokens.viewer,
      body: { reason: "x", group: "related" },
    });
    expect(viewer.statusCode).toBe(403);
    expect(fingerprint(db)).toBe(before);
  });

  it("reaches every public list in the same request, stored pages included, and goes away again on unpublish", async () => {
    const kase = waitingCase();
    // Fill the page cache with the lists as they stand.
    expect(await publicBodies()).not.toContain("Smith v. Jones");
    expect((await app.inject(`/cases/${kase.slug}`)).statusCode).toBe(404);

    const published = await call(app, "POST", `/api/v1/cases/${kase.slug}/publish`, {
      token: tokens.editor,
      body: { reason: "A motion to quash a DHS summons", group: "related" },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ published: true, group: "related", version: kase.version + 1 });
    expect(await publicBodies()).toContain("Smith v. Jones");
    const page = await app.inject(`/cases/${kase.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("COMPLAINT filed by Alex Smith");

    const revisions = (await call(app, "GET", `/api/v1/cases/${kase.slug}/revisions`, { token: tokens.viewer })).json().data;
    expect(revisions.at(-1)).toMatchObject({
      action: "update",
      reason: "Published: A motion to quash a DHS summons",
      actor: expect.stringContaining("editor@example.org"),
    });

    const back = await call(app, "POST", `/api/v1/cases/${kase.slug}/unpublish`, {
      token: tokens.editor,
      body: { reason: "Filed here by mistake" },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().published).toBe(false);
    expect(await publicBodies()).not.toContain("Smith v. Jones");
    expect((await app.inject(`/cases/${kase.slug}`)).statusCode).toBe(404);
  });

  it("shows staff an unpublished case's docket as it would be published, with a banner, and the public nothing", async () => {
    const kase = waitingCase();
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    const staffPage = await app.inject({ url: `/cases/${kase.slug}`, headers: { cookie } });
    expect(staffPage.statusCode).toBe(200);
    const $ = parseHtml(staffPage.body);
    expect($("[role=status]").first().text()).toContain("Not published: only staff see this page");
    expect($(`a[href="/staff/cases/${kase.slug}/publication"]`).length).toBeGreaterThan(0);
    expect(staffPage.body).toContain("COMPLAINT filed by Alex Smith");
    // The staff render is never stored: the public still gets 404.
    expect((await app.inject(`/cases/${kase.slug}`)).statusCode).toBe(404);
    const api = await call(app, "GET", `/api/v1/cases/${kase.slug}`, { token: tokens.viewer });
    expect(api.statusCode).toBe(200);
    expect(api.headers["x-quash-not-public"]).toBe("unpublished");
    expect((await app.inject(`/api/v1/cases/${kase.slug}`)).statusCode).toBe(404);
  });

  it("lists waiting cases for staff and publishes one from its page: 422 beside the field, then 303 and a revision", async () => {
    const kase = waitingCase();
    insertCase(db, { slug: "already-public", caption: "Already public" });
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    expect((await app.inject("/staff/unpublished")).statusCode).toBe(303);

    const list = await app.inject({ url: "/staff/unpublished", headers: { cookie } });
    expect(list.statusCode).toBe(200);
    const $ = parseHtml(list.body);
    expect($("tbody tr")).toHaveLength(1);
    expect($(`#case-${kase.slug}`).text()).toContain("Smith v. Jones");
    expect($(`#case-${kase.slug}`).text()).toContain("1 docket entry, 1 party, 0 counsel");
    expect($(`#case-${kase.slug}`).text()).toContain("choose before publishing");

    const pageUrl = `/staff/cases/${kase.slug}/publication`;
    const page = await app.inject({ url: pageUrl, headers: { cookie } });
    const csrf = csrfFrom(page.body);
    const before = fingerprint(db);
    const refused = await postForm(app, `/staff/cases/${kase.slug}/publish`, cookie, {
      _csrf: csrf,
      version: String(kase.version),
      reason: "",
      group: "",
    });
    expect(refused.statusCode).toBe(422);
    const r$ = parseHtml(refused.body);
    expect(r$("#publication-reason-error").text()).toBe("Reason is required: say why");
    expect(r$("#publication-group-error").text()).toContain("Group is required");
    expect(r$("#publication-reason").attr("aria-invalid")).toBe("true");
    expect(fingerprint(db)).toBe(before);

    const forged = await postForm(app, `/staff/cases/${kase.slug}/publish`, cookie, {
      _csrf: "forged",
      version: String(kase.version),
      reason: "x",
      group: "related",
    });
    expect(forged.statusCode).toBe(403);

    const done = await postForm(app, `/staff/cases/${kase.slug}/publish`, cookie, {
      _csrf: csrf,
      version: String(kase.version),
      reason: "Challenges a DHS summons",
      group: "other_platform",
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(pageUrl);
    const after = parseHtml((await app.inject({ url: pageUrl, headers: { cookie } })).body);
    expect(after("dl").text()).toContain("published");
    expect(after("ul").last().text()).toContain("Published: Challenges a DHS summons");
    expect((await app.inject(`/cases/${kase.slug}`)).statusCode).toBe(200);
    expect(parseHtml((await app.inject({ url: "/staff/unpublished", headers: { cookie } })).body)("tbody tr")).toHaveLength(0);
  });

  it("creates cases unpublished and Unsorted through the write API unless told otherwise", async () => {
    const plain = await call(app, "POST", "/api/v1/cases", { token: tokens.editor, body: { caption: "Quiet v. Case" } });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({ published: false, group: "unsorted" });
    expect((await app.inject("/cases")).body).not.toContain("Quiet v. Case");

    const loud = await call(app, "POST", "/api/v1/cases", {
      token: tokens.editor,
      body: { caption: "Loud v. Case", published: true, group: "related" },
    });
    expect(loud.statusCode).toBe(201);
    expect((await app.inject("/cases")).body).toContain("Loud v. Case");

    const nowhere = await call(app, "POST", "/api/v1/cases", {
      token: tokens.editor,
      body: { caption: "Nowhere v. Case", published: true },
    });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors).toEqual([{ path: "group", message: expect.stringContaining("not Unsorted") }]);

    // Publishing is a decision with its reason, not a field to patch.
    const patched = await call(app, "PATCH", `/api/v1/cases/${plain.json().slug}`, {
      token: tokens.editor,
      body: { published: true },
      headers: { "if-match": '"1"' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().errors[0].path).toBe("published");
  });

  it("offers publishing on the new-case form, unticked, and keeps the case staff-only when left so", async () => {
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    const form = await app.inject({ url: "/staff/cases/new", headers: { cookie } });
    const $ = parseHtml(form.body);
    const box = $('input[type="checkbox"][name="published"]');
    expect(box).toHaveLength(1);
    expect(box.attr("checked")).toBeUndefined();
    expect($('select[name="group"] option[selected]').attr("value")).toBe("unsorted");
    const saved = await postForm(app, "/staff/cases", cookie, { _csrf: csrfFrom(form.body), caption: "Typed v. In", group: "unsorted" });
    expect(saved.statusCode).toBe(303);
    expect((await app.inject("/cases")).body).not.toContain("Typed v. In");
    const refused = await postForm(app, "/staff/cases", cookie, {
      _csrf: csrfFrom(form.body),
      caption: "Typed v. Again",
      group: "unsorted",
      published: "on",
    });
    expect(refused.statusCode).toBe(422);
    expect(parseHtml(refused.body)(".field-error").text()).toContain("not Unsorted");
  });
});
