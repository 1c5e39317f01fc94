import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { readPdf } from "../../server/documents/pdf";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { documents, files, revisions } from "../../db/schema";
import { sha256Of } from "../../server/files/store";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, signIn } from "../support/auth";
import { insertCase, insertDocument, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { minimalPdf, multipartBody, tempDataDir, type Upload } from "./support";

describe("entry documents page: PDF uploads", () => {
  let app: FastifyInstance;
  let db: Db;
  let dataDir: string;
  let cookie: string;
  let kase: { id: number; slug: string };
  let entry: { id: number };
  let url: string;

  async function setUp(config: { maxUploadBytes?: number } = {}) {
    dataDir = tempDataDir();
    ({ app, db } = await buildTestApp({ config: { dataDir, ...config } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "editor@example.org");
    kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    entry = insertEntry(db, kase.id, { number: 12, description: "MOTION to Quash" });
    url = `/staff/cases/doe-v-dhs/entries/${entry.id}/documents`;
  }
  afterEach(async () => app.close());

  async function upload(file: Upload | undefined, fields: Record<string, string> = {}, options: { token?: boolean; path?: string } = {}) {
    const page = await app.inject({ url: options.path ?? url, headers: { cookie } });
    const body = multipartBody(
      { ...(options.token === false ? {} : { _csrf: csrfFrom(page.body) }), attachmentNumber: "0", ...fields },
      file,
    );
    return app.inject({
      method: "POST",
      url: options.path ?? url,
      headers: { cookie, "content-type": body.contentType },
      payload: body.payload,
    });
  }
  const stored = () => ({ files: db.select().from(files).all(), documents: db.select().from(documents).all() });

  it("shows the entry and an upload form for editors; the public is sent to sign in", async () => {
    await setUp();
    const page = await app.inject({ url, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    const $ = parseHtml(page.body);
    expect($("h1").text()).toBe("Documents of ECF No. 12");
    const form = $(`form[action="${url}"]`);
    expect(form.attr("enctype")).toBe("multipart/form-data");
    expect(form.find('input[name="attachmentNumber"]').attr("value")).toBe("0");
    expect(form.find('input[type="file"]').attr("accept")).toContain("application/pdf");
    expect($("main").text()).toContain("up to 20 MB");
    const anonymous = await app.inject(url);
    expect(anonymous.statusCode).toBe(303);
    expect((await app.inject({ url: "/staff/cases/doe-v-dhs/entries/9999/documents", headers: { cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: "/staff/cases/no-such-case/entries/1/documents", headers: { cookie } })).statusCode).toBe(404);
  });

  it("stores an uploaded PDF once by sha256, with its page count and text, as a record with a revision", async () => {
    await setUp();
    const pdf = minimalPdf(["Motion to quash the administrative subpoena", "Anonymous speech is protected"]);
    const res = await upload({ fileName: "ECF 12.pdf", content: pdf }, { description: "Memorandum <b>of</b> points" });
    expect(res.statusCode).toBe(303);
    const { files: fileRows, documents: docs } = stored();
    expect(fileRows).toHaveLength(1);
    const sha = sha256Of(pdf);
    expect(fileRows[0]).toMatchObject({
      sha256: sha,
      sizeBytes: pdf.length,
      mediaType: "application/pdf",
      originalName: "ECF 12.pdf",
      storagePath: join("files", sha.slice(0, 2), sha),
    });
    expect(readFileSync(join(dataDir, "files", sha.slice(0, 2), sha))).toEqual(pdf);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      entryId: entry.id,
      attachmentNumber: 0,
      pageCount: 2,
      fileSha256: sha,
      sealed: false,
      description: "Memorandum <b>of</b> points",
    });
    expect(docs[0]!.extractedText).toBe("Motion to quash the administrative subpoena\n\nAnonymous speech is protected");
    const revision = db
      .select()
      .from(revisions)
      .all()
      .find((r) => r.recordType === "document");
    expect(revision).toMatchObject({ action: "create", actor: "editor@example.org" });

    const page = await app.inject({ url: res.headers.location as string, headers: { cookie } });
    const $ = parseHtml(page.body);
    expect($('[role="status"]').text()).toContain("Attached the main document: 2 pages");
    const row = $("tr.document-row").first();
    expect(row.find("th").text()).toContain("Main document");
    expect(row.text()).toContain("Memorandum <b>of</b> points");
    expect(page.body).not.toContain("<b>of</b>");
    expect(row.find(`a[href="/documents/${docs[0]!.id}"]`)).toHaveLength(1);
  });

  it("keeps the same bytes once: a second upload reuses the file row", async () => {
    await setUp();
    const pdf = minimalPdf(["Declaration of counsel"]);
    expect((await upload({ fileName: "a.pdf", content: pdf }, { attachmentNumber: "1" })).statusCode).toBe(303);
    const other = insertEntry(db, kase.id, { number: 13 });
    const otherPath = `/staff/cases/doe-v-dhs/entries/${other.id}/documents`;
    expect((await upload({ fileName: "copy.pdf", content: pdf }, { attachmentNumber: "1" }, { path: otherPath })).statusCode).toBe(303);
    const { files: fileRows, documents: docs } = stored();
    expect(fileRows).toHaveLength(1);
    expect(docs.map((d) => d.fileSha256)).toEqual([sha256Of(pdf), sha256Of(pdf)]);
  });

  it("refuses a file labelled PDF that is not one (422), and stores nothing", async () => {
    await setUp();
    const res = await upload({
      fileName: "motion.pdf",
      content: Buffer.from("<html><script>alert(1)</script></html>"),
      contentType: "application/pdf",
    });
    expect(res.statusCode).toBe(422);
    const $ = parseHtml(res.body);
    expect($('[role="alert"]').text()).toContain("Nothing was saved: the file is not a PDF");
    expect($("#document-file-error").text()).toContain("does not begin with the PDF signature");
    expect($('input[name="attachmentNumber"]').attr("value")).toBe("0");
    expect(stored()).toEqual({ files: [], documents: [] });
    expect(existsSync(join(dataDir, "files"))).toBe(false);

    const broken = await upload({ fileName: "broken.pdf", content: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41)]) });
    expect(broken.statusCode).toBe(422);
    expect(parseHtml(broken.body)("#document-file-error").text()).toContain("is not a readable PDF");
    expect(stored()).toEqual({ files: [], documents: [] });
  });

  it("refuses a file over the upload limit with 413 and a clear message, and stores nothing", async () => {
    await setUp({ maxUploadBytes: 8 * 1024 });
    const big = minimalPdf(["Exhibit A"], { padding: 20_000 });
    const res = await upload({ fileName: "exhibit.pdf", content: big });
    expect(res.statusCode).toBe(413);
    expect(parseHtml(res.body)('[role="alert"]').text()).toBe(
      "The file is too large: PDFs are accepted up to 8 KB (MAX_UPLOAD_BYTES). Nothing was saved.",
    );
    expect(stored()).toEqual({ files: [], documents: [] });
    // A file under the limit still goes through.
    expect((await upload({ fileName: "small.pdf", content: minimalPdf(["Exhibit B"]) })).statusCode).toBe(303);
  });

  it("refuses an upload without a CSRF token (403), a viewer's upload (403), and a form without a file or number (422)", async () => {
    await setUp();
    const pdf = minimalPdf(["Text"]);
    const noToken = await upload({ fileName: "a.pdf", content: pdf }, {}, { token: false });
    expect(noToken.statusCode).toBe(403);
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    const viewerCookie = await signIn(app, "viewer@example.org");
    expect((await app.inject({ url, headers: { cookie: viewerCookie } })).statusCode).toBe(200);
    const body = multipartBody({ attachmentNumber: "0" }, { fileName: "a.pdf", content: pdf });
    const viewer = await app.inject({
      method: "POST",
      url,
      headers: { cookie: viewerCookie, "content-type": body.contentType },
      payload: body.payload,
    });
    expect(viewer.statusCode).toBe(403);
    const missing = await upload(undefined, { attachmentNumber: "x" });
    expect(missing.statusCode).toBe(422);
    const $ = parseHtml(missing.body);
    expect($("#document-file-error").text()).toBe("The file is required: choose a PDF");
    expect($("#document-number-error").text()).toContain("must be a whole number");
    expect(stored()).toEqual({ files: [], documents: [] });
  });

  it("fills in a document PACER listed without its file, and refuses a number whose document already has one", async () => {
    await setUp();
    const stub = insertDocument(db, entry.id, { attachmentNumber: 1, description: "Exhibit 1", fileSizeText: "1.2 MB", sealed: true });
    expect((await upload({ fileName: "ex1.pdf", content: minimalPdf(["Exhibit one"]) }, { attachmentNumber: "1" })).statusCode).toBe(303);
    const filled = stored().documents.find((d) => d.id === stub.id)!;
    expect(filled).toMatchObject({ description: "Exhibit 1", pageCount: 1, sealed: true, version: 2 });
    expect(filled.fileSha256).not.toBeNull();

    const again = await upload({ fileName: "other.pdf", content: minimalPdf(["Another"]) }, { attachmentNumber: "1" });
    expect(again.statusCode).toBe(422);
    expect(parseHtml(again.body)("#document-number-error").text()).toContain("already has a file");
    expect(stored().files).toHaveLength(1);
  });
});

describe("document downloads", () => {
  let app: FastifyInstance;
  let db: Db;
  afterEach(async () => app.close());

  async function withDocuments() {
    const dataDir = tempDataDir();
    ({ app, db } = await buildTestApp({ config: { dataDir } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    const cookie = await signIn(app, "editor@example.org");
    const kase = insertCase(db, { slug: "doe-v-dhs" });
    const open = insertEntry(db, kase.id, { number: 4 });
    const sealedEntry = insertEntry(db, kase.id, { number: 5, sealed: true });
    const post = async (entryId: number, number: string, sealed: boolean, text: string) => {
      const path = `/staff/cases/doe-v-dhs/entries/${entryId}/documents`;
      const page = await app.inject({ url: path, headers: { cookie } });
      const pdf = minimalPdf([text]);
      const body = multipartBody(
        { _csrf: csrfFrom(page.body), attachmentNumber: number, ...(sealed ? { sealed: "on" } : {}) },
        { fileName: "x.pdf", content: pdf },
      );
      const res = await app.inject({
        method: "POST",
        url: path,
        headers: { cookie, "content-type": body.contentType },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(303);
      return { pdf, id: Number(/attached=(\d+)/.exec(res.headers.location as string)![1]) };
    };
    return {
      main: await post(open.id, "0", false, "Public motion"),
      sealedAttachment: await post(open.id, "2", true, "Sealed exhibit"),
      ofSealedEntry: await post(sealedEntry.id, "0", false, "Under seal"),
      viewerCookie: await signIn(app, "viewer@example.org"),
    };
  }

  it("serves a public document's PDF inline with a safe file name, and 304 to a client that has it", async () => {
    const { main } = await withDocuments();
    const res = await app.inject(`/documents/${main.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('inline; filename="doe-v-dhs-ecf-4.pdf"');
    expect(res.headers["cache-control"]).toBe("no-cache");
    // The public gets the PDF rewritten without its metadata: the same pages and text.
    expect(await readPdf(res.rawPayload)).toEqual(await readPdf(main.pdf));
    const again = await app.inject({ url: `/documents/${main.id}`, headers: { "if-none-match": res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it("answers 404 to the public for sealed documents, documents of sealed entries, deleted and unknown ones; staff may read them", async () => {
    const { main, sealedAttachment, ofSealedEntry, viewerCookie } = await withDocuments();
    app.store.remove("document", main.id, { actor: { userId: null, label: "test" } });
    for (const id of [sealedAttachment.id, ofSealedEntry.id, main.id, 9999]) {
      const res = await app.inject(`/documents/${id}`);
      expect(res.statusCode, String(id)).toBe(404);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).not.toContain("Sealed exhibit");
    }
    const staff = await app.inject({ url: `/documents/${sealedAttachment.id}`, headers: { cookie: viewerCookie } });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers["cache-control"]).toBe("private, no-store");
    expect(staff.headers["content-disposition"]).toBe('inline; filename="doe-v-dhs-ecf-4-2.pdf"');
    expect(await readPdf(staff.rawPayload)).toEqual(await readPdf(sealedAttachment.pdf));
    // Staff may ask for the file exactly as uploaded; the public may not.
    const original = await app.inject({ url: `/documents/${sealedAttachment.id}?original=1`, headers: { cookie: viewerCookie } });
    expect(original.rawPayload).toEqual(sealedAttachment.pdf);
    expect((await app.inject("/documents/abc")).statusCode).toBe(404);
  });
});
