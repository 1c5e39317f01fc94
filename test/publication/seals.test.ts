import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { attachDocument } from "../../server/documents/service";
import { readPdf } from "../../server/documents/pdf";
import { call, fingerprint, setupWriteApi } from "../api-write/helpers";
import { minimalPdf, tempDataDir } from "../documents/support";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { insertCase, insertConflict, insertCourt, insertEntry, insertParty, linkConflict } from "../support/factories";
import { parseHtml } from "../support/html";

/*
 * Sealing after the fact: an entry, a document, a party's name, a whole case. Each seal is a
 * decision citing the court's order, with a reason, kept as a revision; within the same request
 * the sealed text leaves every public surface (stored pages included) and stays in the staff
 * view and history. Unsealing is the same in reverse.
 */

const SECRET = "Declaration of Rosalind Quartermain";
const NAME = "Rosalind Quartermain";

describe("sealing after the fact", () => {
  let app: FastifyInstance;
  let db: Db;
  let tokens: Awaited<ReturnType<typeof setupWriteApi>>["tokens"];
  let dataDir: string;
  beforeEach(async () => {
    dataDir = tempDataDir();
    ({ app, db, tokens } = await setupWriteApi({ dataDir }));
    insertCourt(db);
  });
  afterEach(async () => app.close());

  function docket() {
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS", docketNumber: "3:25-mc-80200", courtId: "cand" });
    const entry = insertEntry(db, kase.id, { number: 7, description: `${SECRET}, filed by counsel`, filedBy: NAME });
    const party = insertParty(db, kase.id, { name: NAME, role: "Movant", pseudonymous: false, description: `${NAME}, a nurse` });
    return { kase, entry, party };
  }

  const PUBLIC = (slug: string) => [
    "/",
    "/cases",
    `/cases/${slug}`,
    `/cases/${slug}/feed.atom`,
    "/feed.atom",
    `/api/v1/cases/${slug}`,
    "/sources",
    "/api/v1/sources",
  ];

  async function bodies(urls: string[]) {
    const out: Record<string, { status: number; body: string }> = {};
    for (const url of urls) {
      const res = await app.inject(url);
      out[url] = { status: res.statusCode, body: res.body };
    }
    return out;
  }

  const leaks = (pages: Record<string, { body: string }>, word: string) =>
    Object.entries(pages)
      .filter(([, p]) => p.body.includes(word))
      .map(([url]) => url);

  it("refuses a seal without the court's order or a reason: 400 naming each field, nothing changed", async () => {
    const { entry } = docket();
    const before = fingerprint(db);
    const res = await call(app, "POST", `/api/v1/entries/${entry.id}/seal`, { token: tokens.editor, body: {} });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["orderReference", "reason"]);
    const blank = await call(app, "POST", `/api/v1/entries/${entry.id}/seal`, {
      token: tokens.editor,
      body: { reason: " ", orderReference: "ECF No. 45" },
    });
    expect(blank.json().errors).toEqual([{ path: "reason", message: "is required: say why" }]);
    expect(
      (await call(app, "POST", `/api/v1/entries/${entry.id}/seal`, { token: tokens.viewer, body: { reason: "x", orderReference: "y" } }))
        .statusCode,
    ).toBe(403);
    expect((await call(app, "POST", `/api/v1/entries/${entry.id}/seal`, { body: { reason: "x", orderReference: "y" } })).statusCode).toBe(
      401,
    );
    expect(
      (await call(app, "POST", "/api/v1/entries/9999/seal", { token: tokens.editor, body: { reason: "x", orderReference: "y" } }))
        .statusCode,
    ).toBe(404);
    // Sealing is a decision with an order, never a field to patch.
    const patched = await call(app, "PATCH", `/api/v1/entries/${entry.id}`, {
      token: tokens.editor,
      body: { sealed: true },
      headers: { "if-match": `"${entry.version}"` },
    });
    expect(patched.statusCode).toBe(400);
    expect(fingerprint(db)).toBe(before);
  });

  it("takes a sealed entry's text off every public surface in the same request, stored pages included, and puts it back on unseal", async () => {
    const { kase, entry } = docket();
    const urls = [...PUBLIC(kase.slug), `/cases/${kase.slug}/entries/${entry.id}`];
    expect(leaks(await bodies(urls), SECRET).length).toBeGreaterThan(3);

    const sealed = await call(app, "POST", `/api/v1/entries/${entry.id}/seal`, {
      token: tokens.editor,
      body: { reason: "Names the movant", orderReference: "ECF No. 45" },
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    expect(sealed.json()).toEqual({
      kind: "entry",
      id: entry.id,
      sealed: true,
      reason: "Names the movant",
      orderReference: "ECF No. 45",
      version: entry.version + 1,
    });
    const after = await bodies(urls);
    expect(leaks(after, SECRET)).toEqual([]);
    expect(
      leaks(after, NAME).filter((u) => (!u.includes("/api/v1/cases") && !u.startsWith(`/cases/${kase.slug}`)) || u.includes("entries")),
    ).toEqual([]);
    // The placeholder keeps the entry's place: number, date, SEALED.
    const row = parseHtml(after[`/cases/${kase.slug}`]!.body)(`#entry-${entry.id}`);
    expect(row.text()).toContain("7");
    expect(row.text()).toContain("SEALED");
    const api = JSON.parse(after[`/api/v1/cases/${kase.slug}`]!.body).data.entries[0];
    expect(api).toMatchObject({ number: 7, sealed: true, description: "SEALED" });

    // Staff still read it, with the reason in its history.
    const revisions = (await call(app, "GET", `/api/v1/entries/${entry.id}/revisions`, { token: tokens.viewer })).json().data;
    expect(revisions.at(-1)).toMatchObject({
      reason: "Sealed (order: ECF No. 45): Names the movant",
      after: { sealed: true, description: expect.stringContaining(SECRET) },
    });

    // Its revisions hold the sealed text: staff only.
    expect((await call(app, "GET", `/api/v1/entries/${entry.id}/revisions`)).statusCode).toBe(401);
    const history = await app.inject(`/staff/history/entry/${entry.id}`);
    expect(history.statusCode).toBe(303);
    expect(history.body).not.toContain(SECRET);

    const unsealed = await call(app, "POST", `/api/v1/entries/${entry.id}/unseal`, {
      token: tokens.editor,
      body: { reason: "Seal lifted", orderReference: "ECF No. 60" },
    });
    expect(unsealed.json()).toMatchObject({ sealed: false, reason: null, orderReference: null });
    expect(leaks(await bodies(urls), SECRET).length).toBeGreaterThan(3);
  });

  it("shows a party whose name is sealed as “Sealed party” with its role, and nothing that names them", async () => {
    const { kase, party } = docket();
    const conflict = insertConflict(db, { code: "Q3", title: "Who filed" });
    linkConflict(db, conflict.id, "party", party.id);
    const before = await bodies(PUBLIC(kase.slug));
    expect(leaks(before, `${NAME}, Movant`)).toEqual(["/sources", "/api/v1/sources"]);
    const res = await call(app, "POST", `/api/v1/parties/${party.id}/seal`, {
      token: tokens.editor,
      body: { reason: "Pseudonymity granted", orderReference: "ECF No. 12" },
    });
    expect(res.statusCode).toBe(200);
    // The name still stands in the entry the guard will have to hold; the party record itself shows none of it.
    const pages = await bodies(PUBLIC(kase.slug));
    expect(leaks(pages, `${NAME}, a nurse`)).toEqual([]);
    expect(leaks(pages, `${NAME}, Movant`)).toEqual([]);
    expect(leaks(pages, "Sealed party, Movant")).toEqual(["/sources", "/api/v1/sources"]);
    const parties = parseHtml(pages[`/cases/${kase.slug}`]!.body)("#parties-heading").parent();
    expect(parties.text()).toContain("Sealed party");
    expect(parties.text()).toContain("Movant");
    expect(parties.text()).not.toContain(NAME);
    const api = JSON.parse(pages[`/api/v1/cases/${kase.slug}`]!.body).data.parties[0];
    expect(api).toMatchObject({ name: "Sealed party", nameSealed: true, role: "Movant", description: null });
  });

  it("answers 404 for a sealed document's download and shows its description only as SEALED", async () => {
    const { kase, entry } = docket();
    const pdf = minimalPdf(["Exhibit A text"]);
    const { document } = attachDocument(
      db,
      app.store,
      app.clock,
      dataDir,
      {
        entryId: entry.id,
        attachmentNumber: 1,
        description: "Exhibit naming the movant",
        sealed: false,
        bytes: pdf,
        fileName: "a.pdf",
        contents: await readPdf(pdf),
      },
      { userId: null, label: "test" },
    );
    expect((await app.inject(`/documents/${document.id}`)).statusCode).toBe(200);
    expect((await app.inject(`/cases/${kase.slug}`)).body).toContain("Exhibit naming the movant");
    const res = await call(app, "POST", `/api/v1/documents/${document.id}/seal`, {
      token: tokens.editor,
      body: { reason: "Exhibit under seal", orderReference: "ECF No. 9" },
    });
    expect(res.statusCode).toBe(200);
    expect((await app.inject(`/documents/${document.id}`)).statusCode).toBe(404);
    const page = await app.inject(`/cases/${kase.slug}`);
    expect(page.body).not.toContain("Exhibit naming the movant");
    expect((await app.inject(`/api/v1/cases/${kase.slug}`)).body).not.toContain("Exhibit naming the movant");
  });

  it("takes a whole sealed case off every public surface (404, off every list) while staff still see it", async () => {
    const { kase } = docket();
    await bodies(PUBLIC(kase.slug));
    const res = await call(app, "POST", `/api/v1/cases/${kase.slug}/seal`, {
      token: tokens.editor,
      body: { reason: "Whole matter sealed", orderReference: "Order of 2026-02-03" },
    });
    expect(res.statusCode).toBe(200);
    const pages = await bodies(PUBLIC(kase.slug));
    expect(pages[`/cases/${kase.slug}`]!.status).toBe(404);
    expect(pages[`/api/v1/cases/${kase.slug}`]!.status).toBe(404);
    expect(leaks(pages, "Doe v. DHS")).toEqual([]);
    expect(leaks(pages, SECRET)).toEqual([]);
    const staff = await call(app, "GET", `/api/v1/cases/${kase.slug}`, { token: tokens.viewer });
    expect(staff.headers["x-quash-not-public"]).toBe("sealed");
    await call(app, "POST", `/api/v1/cases/${kase.slug}/unseal`, {
      token: tokens.editor,
      body: { reason: "Unsealed", orderReference: "ECF No. 70" },
    });
    expect((await app.inject(`/cases/${kase.slug}`)).statusCode).toBe(200);
  });

  it("seals from the staff page: the form, 422 beside a missing field, CSRF, 303, and the list of sealed records", async () => {
    const { kase, entry } = docket();
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    const url = `/staff/seal/entry/${entry.id}`;
    expect((await app.inject(url)).statusCode).toBe(303);
    const page = await app.inject({ url, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("h1").text()).toContain("Seal ECF No. 7 of Doe v. DHS");
    expect(page.body).toContain(SECRET);
    const csrf = csrfFrom(page.body);

    const before = fingerprint(db);
    const refused = await postForm(app, url, cookie, {
      _csrf: csrf,
      version: String(entry.version),
      reason: "Names the movant",
      orderReference: "",
    });
    expect(refused.statusCode).toBe(422);
    const r$ = parseHtml(refused.body);
    expect(r$("#seal-orderReference-error").text()).toContain("Court's order is required");
    expect(r$("#seal-orderReference").attr("aria-invalid")).toBe("true");
    expect(r$("#seal-reason").text()).toBe("Names the movant");
    expect(
      (await postForm(app, url, cookie, { _csrf: "forged", version: String(entry.version), reason: "x", orderReference: "y" })).statusCode,
    ).toBe(403);
    expect(fingerprint(db)).toBe(before);

    const done = await postForm(app, url, cookie, {
      _csrf: csrf,
      version: String(entry.version),
      reason: "Names the movant",
      orderReference: "ECF No. 45",
    });
    expect(done.statusCode).toBe(303);
    expect((await app.inject(`/cases/${kase.slug}`)).body).not.toContain(SECRET);
    const again = parseHtml((await app.inject({ url, headers: { cookie } })).body);
    expect(again("h1").text()).toContain("Unseal");
    expect(again("ul").last().text()).toContain("Sealed (order: ECF No. 45): Names the movant");
    const list = parseHtml((await app.inject({ url: "/staff/sealed", headers: { cookie } })).body);
    expect(list("#sealed-entries").text()).toContain("ECF No. 7");
    expect(list("#sealed-entries").text()).toContain("ECF No. 45 · Names the movant");
    // A stale form is refused, not applied over the newer state.
    expect(
      (await postForm(app, `${url}/unseal`, cookie, { _csrf: csrf, version: String(entry.version), reason: "x", orderReference: "y" }))
        .statusCode,
    ).toBe(409);
  });

  it("refuses a seal post whose body is no form (a JSON string, a version that is no number) with 422, changing nothing; found by the route fuzz", async () => {
    const { entry } = docket();
    await createUser(app, { email: "clerk@example.org", role: "editor" });
    const cookie = await signIn(app, "clerk@example.org");
    const url = `/staff/seal/entry/${entry.id}`;
    const csrf = csrfFrom((await app.inject({ url, headers: { cookie } })).body);
    const before = fingerprint(db);
    for (const payload of ['"property"', JSON.stringify({ reason: "x", orderReference: "y", version: "not a number" })]) {
      const res = await app.inject({
        method: "POST",
        url,
        headers: { cookie, "content-type": "application/json", "x-csrf-token": csrf },
        payload,
      });
      expect(res.statusCode, payload).toBe(422);
    }
    expect(fingerprint(db)).toBe(before);
  });
});
