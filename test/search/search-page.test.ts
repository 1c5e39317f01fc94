import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { docketEntries } from "../../db/schema";
import { searchFilings } from "../../server/search/loaders";
import { MARK_END, MARK_START, quotedTerms, snippetRuns } from "../../server/search/query";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, signIn } from "../support/auth";
import { insertCase, insertDocument, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";
import { minimalPdf, multipartBody, tempDataDir } from "../documents/support";

const actor = { userId: null, label: "test" };

describe("staff search page", () => {
  let app: FastifyInstance;
  let db: Db;
  let cookie: string;
  let kase: { id: number; slug: string };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp({ config: { dataDir: tempDataDir() } }));
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "viewer@example.org");
    kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
  });
  afterEach(async () => app.close());

  const search = (q: string, as = cookie) => app.inject({ url: `/staff/search?q=${encodeURIComponent(q)}`, headers: { cookie: as } });
  const titles = (html: string) => {
    const $ = parseHtml(html);
    return $("li.search-result h3 a")
      .map((_, a) => $(a).text())
      .get();
  };

  it("finds words in docket text and in the text extracted from an uploaded PDF, linking case and entry", async () => {
    const entry = insertEntry(db, kase.id, { number: 1, description: "MOTION to Quash Administrative Subpoena by J. Doe" });
    const editorCookie = await signIn(app, "editor@example.org");
    const path = `/staff/cases/doe-v-dhs/entries/${entry.id}/documents`;
    const page = await app.inject({ url: path, headers: { cookie: editorCookie } });
    const body = multipartBody(
      { _csrf: csrfFrom(page.body), attachmentNumber: "1", description: "Declaration" },
      { fileName: "decl.pdf", content: minimalPdf(["The summons sought the subscriber records of the pseudonymous account"]) },
    );
    expect(
      (
        await app.inject({
          method: "POST",
          url: path,
          headers: { cookie: editorCookie, "content-type": body.contentType },
          payload: body.payload,
        })
      ).statusCode,
    ).toBe(303);

    const fromEntry = await search("administrative");
    expect(fromEntry.statusCode).toBe(200);
    expect(fromEntry.headers["cache-control"]).toBe("private, no-store");
    const $ = parseHtml(fromEntry.body);
    expect($("h1").text()).toBe("Search filings");
    expect($("#results").text()).toBe("1 match");
    const result = $("li.search-result").first();
    expect(result.find("h3 a").text()).toBe("ECF No. 1, filed 09/18/2025");
    expect(result.find(`a[href="/cases/doe-v-dhs"]`).text()).toBe("Doe v. DHS");
    expect(result.find(`a[href="/cases/doe-v-dhs/entries/${entry.id}"]`).text()).toBe("ECF No. 1");
    expect(result.find("p.snippet mark").text()).toBe("Administrative");

    const fromDocument = parseHtml((await search("pseudonymous subscriber")).body);
    expect(fromDocument("li.search-result")).toHaveLength(1);
    expect(fromDocument("li.search-result h3 a").text()).toBe("ECF No. 1, Attachment 1: Declaration");
    expect(fromDocument("li.search-result").text()).toContain("Document text");
    expect(
      fromDocument("li.search-result p.snippet mark")
        .map((_, m) => fromDocument(m).text())
        .get(),
    ).toEqual(["subscriber", "pseudonymous"]);
  });

  it("ranks by bm25: the filing about the words comes before the one that mentions them in passing", async () => {
    insertEntry(db, kase.id, {
      number: 1,
      description: "Certificate of service of the notice of appearance, listing every party served by mail and e-mail, and the subpoena",
    });
    insertEntry(db, kase.id, { number: 2, description: "Subpoena: motion to quash the subpoena" });
    insertEntry(db, kase.id, { number: 3, description: "Notice of appearance" });
    expect(titles((await search("subpoena")).body)).toEqual(["ECF No. 2, filed 09/18/2025", "ECF No. 1, filed 09/18/2025"]);
  });

  it("matches any form of a word, and shows matched text escaped with only the marks as markup", async () => {
    insertEntry(db, kase.id, { number: 4, description: "<script>alert('x')</script> ORDER quashing the summons" });
    const res = await search("quash");
    expect(res.body).not.toContain("<script>alert");
    const $ = parseHtml(res.body);
    const snippet = $("li.search-result p.snippet");
    expect(snippet.text()).toContain("<script>alert('x')</script>");
    expect(snippet.find("mark").text()).toBe("quashing");
    expect(
      snippet
        .children()
        .toArray()
        .map((el) => el.tagName),
    ).toEqual(["mark"]);
  });

  it("reads input FTS5 refuses (an unbalanced quote, AND OR) as plain words instead of failing", async () => {
    insertEntry(db, kase.id, { number: 5, description: "Stipulation and/or proposed order on an unbalanced schedule" });
    for (const q of ['"unbalanced', "AND OR", "schedule NOT", "docket:foo", "*", "(", '"']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
    }
    const unbalanced = parseHtml((await search('"unbalanced')).body);
    expect(unbalanced('[role="status"]').text()).toContain("read as plain words");
    expect(unbalanced("li.search-result")).toHaveLength(1);
    expect(parseHtml((await search("AND OR")).body)("li.search-result")).toHaveLength(1);
    expect(parseHtml((await search("*")).body)("#results").text()).toBe("No matches");
    // Valid syntax is used as such: a phrase, and OR.
    expect(parseHtml((await search('"proposed order"')).body)("li.search-result")).toHaveLength(1);
    expect(parseHtml((await search('"order proposed"')).body)("li.search-result")).toHaveLength(0);
    expect(parseHtml((await search("zebra OR stipulation")).body)("li.search-result")).toHaveLength(1);
  });

  it("includes sealed entries and documents, labelled SEALED, which the public docket search never shows", async () => {
    const sealed = insertEntry(db, kase.id, {
      number: 6,
      description: "Declaration of the account holder naming the organizer",
      sealed: true,
    });
    insertDocument(db, insertEntry(db, kase.id, { number: 7, description: "Exhibit list" }).id, {
      attachmentNumber: 1,
      extractedText: "the organizer's home address",
      sealed: true,
    });
    const $ = parseHtml((await search("organizer")).body);
    expect($("li.search-result")).toHaveLength(2);
    expect(
      $("li.search-result .badge-sealed")
        .map((_, b) => $(b).text())
        .get(),
    ).toEqual(["SEALED", "SEALED"]);
    const publicDocket = await app.inject(`/cases/doe-v-dhs?q=organizer`);
    expect(publicDocket.statusCode).toBe(200);
    expect(publicDocket.body).not.toContain("naming the organizer");
    expect(publicDocket.body).not.toContain("home address");
    expect(parseHtml(publicDocket.body)(`#entry-${sealed.id}`)).toHaveLength(0);
  });

  it("keeps the index in step with edits and deletes; deleted documents and cases are left out", async () => {
    const entry = insertEntry(db, kase.id, { number: 8, description: "Notice of withdrawal of the summons" });
    const other = insertEntry(db, kase.id, { number: 9, description: "Exhibit" });
    const document = insertDocument(db, other.id, { attachmentNumber: 1, extractedText: "withdrawal letter from the agency" });
    expect(searchFilings(db, "withdrawal", 50).total).toBe(2);

    app.store.update("entry", entry.id, { description: "Notice of appearance" }, { actor });
    expect(searchFilings(db, "withdrawal", 50).hits.map((h) => h.kind)).toEqual(["document"]);
    expect(searchFilings(db, "appearance", 50).total).toBe(1);

    app.store.remove("document", document.id, { actor });
    expect(searchFilings(db, "withdrawal", 50).total).toBe(0);
    app.store.restore("document", document.id, { actor });
    expect(searchFilings(db, "withdrawal", 50).total).toBe(1);

    db.delete(docketEntries).where(eq(docketEntries.id, other.id)).run();
    expect(searchFilings(db, "withdrawal", 50).total).toBe(0);
    app.store.remove("case", kase.id, { actor });
    expect(searchFilings(db, "appearance", 50).total).toBe(0);
  });

  it("gives every hit of a page its marked snippet, entries and documents, for words and for a prefix", () => {
    const first = insertEntry(db, kase.id, { number: 20, description: "DECLARATION of counsel about the summons" });
    const second = insertEntry(db, kase.id, { number: 21, description: "Exhibit list" });
    insertDocument(db, second.id, { attachmentNumber: 1, extractedText: "I declare under penalty of perjury that the summons was served" });
    insertDocument(db, first.id, { attachmentNumber: 2, extractedText: "Declarations of three subscribers about the summons" });
    insertEntry(db, kase.id, { number: 22, description: "Second declaration about the summons" });
    const marks = (q: string, limit: number) =>
      searchFilings(db, q, limit).hits.map((hit) => ({
        kind: hit.kind,
        marked: snippetRuns(hit.snippet)
          .filter((run) => run.mark)
          .map((run) => run.text.toLowerCase()),
      }));
    const words = marks("summons", 50);
    expect(words).toHaveLength(4);
    expect(words.every(({ marked }) => marked.includes("summons"))).toBe(true);
    const prefix = marks("declar* summons", 50);
    expect(prefix.map(({ kind }) => kind).sort()).toEqual(["document", "document", "entry", "entry"]);
    for (const { marked } of prefix) expect(marked.some((text) => text.startsWith("declar"))).toBe(true);
    // A shorter page has the same best hits with the same snippets.
    expect(marks("declar* summons", 3)).toEqual(prefix.slice(0, 3));
  });

  it("counts past a page's window: the entries, then the documents, to the cap", () => {
    const first = insertEntry(db, kase.id, { description: "pangolin exhibit" });
    for (let n = 0; n < 109; n++) insertEntry(db, kase.id, { description: `pangolin entry ${n}` });
    for (let n = 1; n <= 5; n++) insertDocument(db, first.id, { attachmentNumber: n, extractedText: `pangolin attachment ${n}` });
    expect(searchFilings(db, "pangolin", 50)).toMatchObject({ total: 115, capped: false });
    expect(searchFilings(db, "pangolin", 50).hits).toHaveLength(50);
    expect(searchFilings(db, "attachment", 50)).toMatchObject({ total: 5, capped: false });
  });

  it("is for staff: the public is sent to sign in; a query over 500 characters is a 400 page", async () => {
    const anonymous = await app.inject("/staff/search?q=quash");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/login?next=%2Fstaff%2Fsearch%3Fq%3Dquash");
    const long = await search("x".repeat(501));
    expect(long.statusCode).toBe(400);
    expect(parseHtml(long.body)("h1").text()).toBe("Bad request");
    const empty = parseHtml((await app.inject({ url: "/staff/search", headers: { cookie } })).body);
    expect(empty("#results")).toHaveLength(0);
    expect(empty('main input[name="q"]')).toHaveLength(1);
  });
});

describe("search query helpers", () => {
  it("quotes each word so none is syntax, and drops words with no letter or digit", () => {
    expect(quotedTerms('"unbalanced AND OR')).toBe('"""unbalanced" "AND" "OR"');
    expect(quotedTerms("  - * ( ")).toBeNull();
    expect(quotedTerms('a"b')).toBe('"a""b"');
  });

  it("splits a snippet into plain and marked runs, ignoring stray marks", () => {
    expect(snippetRuns(`…the ${MARK_START}summons${MARK_END} and ${MARK_START}subpoena${MARK_END}`)).toEqual([
      { text: "…the ", mark: false },
      { text: "summons", mark: true },
      { text: " and ", mark: false },
      { text: "subpoena", mark: true },
    ]);
    expect(snippetRuns(`a${MARK_END}b ${MARK_START}c`)).toEqual([
      { text: "ab ", mark: false },
      { text: "c", mark: true },
    ]);
  });
});
