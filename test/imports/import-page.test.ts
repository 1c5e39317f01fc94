import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { readStoredFile } from "../../server/imports/provenance";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, postForm, signIn } from "../support/auth";
import { parseHtml } from "../support/html";
import { fixtureBytes, rssFeed, tempDataDir } from "./support";

type Upload = { fileName: string; content: Buffer };

/** A multipart/form-data body as a browser sends the upload form. */
function multipartBody(fields: Record<string, string>, files: Upload[]) {
  const boundary = `----quash${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.fileName}"\r\nContent-Type: text/html\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("staff import page", () => {
  let app: FastifyInstance;
  let db: Db;
  let dataDir: string;
  let cookie: string;

  async function setUp(config: { maxUploadBytes?: number } = {}) {
    dataDir = tempDataDir();
    ({ app, db } = await buildTestApp({ config: { dataDir, ...config } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "editor@example.org");
  }

  beforeEach(async () => setUp());
  afterEach(async () => app.close());

  async function formToken(): Promise<string> {
    const page = await app.inject({ url: "/staff/import", headers: { cookie } });
    return csrfFrom(page.body);
  }

  async function preview(files: Upload[], fields: Record<string, string> = {}, withToken = true) {
    const body = multipartBody({ ...(withToken ? { _csrf: await formToken() } : {}), ...fields }, files);
    return app.inject({
      method: "POST",
      url: "/staff/import/preview",
      headers: { cookie, "content-type": body.contentType },
      payload: body.payload,
    });
  }

  /** The confirm form of a preview page, as the browser would post it. */
  function confirmFields(html: string): URLSearchParams {
    const $ = parseHtml(html);
    const params = new URLSearchParams();
    $('form[action="/staff/import/confirm"] input[type="hidden"]').each((_, el) => {
      params.append($(el).attr("name")!, $(el).attr("value") ?? "");
    });
    return params;
  }

  it("is for editors: the public is sent to sign in, viewers are refused", async () => {
    const anonymous = await app.inject("/staff/import");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/login?next=%2Fstaff%2Fimport");
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    const viewer = await app.inject({ url: "/staff/import", headers: { cookie: await signIn(app, "viewer@example.org") } });
    expect(viewer.statusCode).toBe(403);
  });

  it("shows the upload form: several files, court, group", async () => {
    const page = await app.inject({ url: "/staff/import", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("h1").text()).toBe("Import from PACER");
    const form = $('form[action="/staff/import/preview"]');
    expect(form.attr("enctype")).toBe("multipart/form-data");
    expect(form.find('input[type="file"][name="files"][multiple]')).toHaveLength(1);
    expect($('label[for="import-files"]').text()).toContain("up to 10, 20 MB each");
    expect(form.find('input[name="court"]')).toHaveLength(1);
    expect(form.find('select[name="group"] option[selected]').attr("value")).toBe("unsorted");
    const publish = form.find('input[type="checkbox"][name="publish"]');
    expect(publish).toHaveLength(1);
    expect(publish.attr("checked")).toBeUndefined();
    expect($(".muted").text()).toContain("No imports yet.");
  });

  it("refuses an upload without the form's CSRF token", async () => {
    const res = await preview([{ fileName: "cand.html", content: fixtureBytes("district/cand.html") }], {}, false);
    expect(res.statusCode).toBe(403);
    expect(db.select().from(s.cases).all()).toEqual([]);
  });

  it("previews without saving, then imports the previewed file on confirmation", async () => {
    const res = await preview([{ fileName: "cand.html", content: fixtureBytes("district/cand.html") }]);
    expect(res.statusCode).toBe(200);
    const $ = parseHtml(res.body);
    expect($("h1").text()).toBe("Check the import");
    expect($("h2").first().text()).toBe("cand.html");
    const facts = $("dl.facts").text();
    expect(facts).toContain("PACER docket report of 2017-06-13");
    expect(facts).toContain("Balbo v. Tilton (3:08-cv-00159-WHA): new");
    // The case does not exist yet: no link to a page that would answer 404.
    expect($("dl.facts a")).toHaveLength(0);
    expect(facts).toContain("3 entries");
    expect(
      $(".import-change")
        .map((_, el) => $(el).text().replace(/\s+/g, " ").trim())
        .get(),
    ).toContain('new entry 3: docket report text "ORDER OF TRANSFER. Signed by Judge William Alsup on 1/17/08.…"');
    expect(db.select().from(s.cases).all()).toEqual([]);
    expect(db.select().from(s.imports).all()).toEqual([]);

    const fields = confirmFields(res.body);
    const [ref] = fields.getAll("files");
    expect(ref).toMatch(/^[0-9a-f]{64}\/cand\.html$/);
    expect(readStoredFile(dataDir, ref!.slice(0, 64))?.equals(fixtureBytes("district/cand.html"))).toBe(true);

    // A confirmation that names no previewed file imports nothing.
    const withoutFiles = Object.fromEntries([...fields.entries()].filter(([k]) => k !== "files"));
    expect((await postForm(app, "/staff/import/confirm", cookie, withoutFiles)).statusCode).toBe(422);
    expect(db.select().from(s.cases).all()).toEqual([]);
    const done = await app.inject({
      method: "POST",
      url: "/staff/import/confirm",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: fields.toString(),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/staff/import/done?ids=1");
    expect(db.select().from(s.cases).get()).toMatchObject({ slug: "cand-3-08-cv-00159" });
    const row = db.select().from(s.imports).get()!;
    expect(row.actor).toBe("editor@example.org");

    const result = await app.inject({ url: done.headers.location as string, headers: { cookie } });
    const $r = parseHtml(result.body);
    expect($r("h1").text()).toBe("Import #1");
    // Not published yet, so the link goes to the staff page; the public page answers 404.
    expect($r('[role="status"] a').attr("href")).toBe("/staff/cases/cand-3-08-cv-00159");
    expect($r('[role="status"]').text()).toContain("(not published: staff only)");
    expect($r(`a[href="/staff/unpublished"]`)).toHaveLength(1);
    expect($r("dl.facts").text()).toContain("3 entries");
  });

  it("shows an entry's text before and after when a fuller source replaces it, across files of one upload", async () => {
    const feed = rssFeed({
      docketNumber: "3:23-cv-04557",
      caseName: "T. v. OpenAI LP",
      caseId: "417177",
      short: "Proposed Summons",
      number: "3",
      docId: "035123515222",
      seq: "17",
      pubDate: "Wed, 06 Sep 2023 21:00:00 GMT",
    });
    const res = await preview([
      { fileName: "cand_feed.xml", content: feed },
      { fileName: "cand_7.html", content: fixtureBytes("district/cand_7.html") },
    ]);
    const $ = parseHtml(res.body);
    const second = $("section.import-file").eq(1);
    expect(second.find("h2").text()).toBe("cand_7.html");
    expect(second.find("dl.facts").text()).toContain("T. v. OpenAI LP (3:23-cv-04557-JCS): updated");
    const change = second.find(".import-change").filter((_, el) => $(el).text().includes("text replaced"));
    expect(change.text()).toContain("entry 3");
    expect(change.find(".import-text").text().replace(/\s+/g, " ")).toContain(
      "Before: Proposed Summons After: Proposed Summons. (Ram, Michael) (Filed on 9/6/2023) (Entered: 09/06/2023)",
    );
    expect(db.select().from(s.docketEntries).all()).toEqual([]);
  });

  it("names a file it cannot import, with the reason, and offers the others", async () => {
    const res = await preview([
      { fileName: "nysd_3.html", content: fixtureBytes("district/nysd_3.html") },
      { fileName: "cand.html", content: fixtureBytes("district/cand.html") },
    ]);
    const $ = parseHtml(res.body);
    expect($('[role="alert"]').text()).toContain("Some files cannot be imported");
    expect($("section.import-file").eq(0).find(".notice-error").text()).toBe(
      "Not imported: not a PACER docket report: the page was altered by a browser extension (names rewritten)",
    );
    expect(confirmFields(res.body).getAll("files")).toHaveLength(1);
    expect($('form[action="/staff/import/confirm"] button').text()).toBe("Import 1 file");
  });

  it("offers nothing to confirm when no file can be imported", async () => {
    const res = await preview([
      { fileName: "empty.html", content: Buffer.alloc(0) },
      { fileName: "lunch.txt", content: Buffer.from("See you at noon.") },
    ]);
    const $ = parseHtml(res.body);
    expect($('form[action="/staff/import/confirm"]')).toHaveLength(0);
    expect(
      $(".notice-error")
        .map((_, el) => $(el).text())
        .get(),
    ).toContain("Not imported: the file is empty");
  });

  it("says a file over the upload limit is too large", async () => {
    await app.close();
    await setUp({ maxUploadBytes: 4096 });
    const res = await preview([{ fileName: "cand.html", content: fixtureBytes("district/cand.html") }]);
    const $ = parseHtml(res.body);
    expect($(".notice-error").last().text()).toBe(
      "Not imported: the file is too large: over the limit; PACER files are accepted up to 4 KB",
    );
  });

  it("asks again when no file was chosen or the court id is wrong", async () => {
    const res = await preview([], { court: "sdny" });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($("#import-files-error").text()).toBe("Files: choose at least one file");
    expect($("#import-court-error").text()).toBe("Court id is not a CM/ECF court id (they look like cand, nysd, dcd)");
    expect($('input[name="court"]').attr("aria-invalid")).toBe("true");
  });

  it("answers 404 for an unknown import and 400 for a malformed list", async () => {
    expect((await app.inject({ url: "/staff/import/done?ids=999", headers: { cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: "/staff/import/done?ids=abc", headers: { cookie } })).statusCode).toBe(400);
  });
});
