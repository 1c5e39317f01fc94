import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, signIn } from "../support/auth";
import { insertCase, insertEntry } from "../support/factories";
import { minimalPdf, multipartBody, tempDataDir } from "./support";

/** Issue 5: script in an uploaded PDF's name and in its text is shown as text wherever it appears. */
describe("script in an uploaded PDF's file name and text", () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  let url: string;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp({ config: { dataDir: tempDataDir() } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "editor@example.org");
    const kase = insertCase(db, { slug: "doe", caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 7, description: "DECLARATION" });
    url = `/staff/cases/doe/entries/${entry.id}/documents`;
  });
  afterEach(async () => app.close());

  it("is stored as text and printed escaped on the documents page, the docket and in search results", async () => {
    const page = await app.inject({ url, headers: { cookie } });
    const body = multipartBody(
      { _csrf: csrfFrom(page.body), attachmentNumber: "0" },
      { fileName: "<script>alert(1)</script>.pdf", content: minimalPdf(["Exhibit <script>alert(2)</script> zebra"]) },
    );
    const res = await app.inject({ method: "POST", url, headers: { cookie, "content-type": body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(303);
    const pages = [
      (await app.inject({ url, headers: { cookie } })).body,
      (await app.inject({ url: String(res.headers.location), headers: { cookie } })).body,
      (await app.inject("/cases/doe")).body,
      (await app.inject({ url: "/staff/search?q=zebra", headers: { cookie } })).body,
      (await app.inject("/search?q=zebra")).body,
    ];
    for (const html of pages) {
      expect(html).not.toContain("<script>alert");
    }
    expect(pages[3]).toContain("&lt;script&gt;alert(2)");
    const download = await app.inject("/documents/1");
    if (download.statusCode === 200) expect(download.headers["content-disposition"]).toBe('inline; filename="doe-ecf-7.pdf"');
  });
});
