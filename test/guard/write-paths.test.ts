import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client";
import { createGuardRepository, type HoldRow } from "../../server/guard/repository";
import { minimalPdf, multipartBody } from "../documents/support";
import { fixtureBytes, rssFeed, tempDataDir } from "../imports/support";
import { buildTestApp } from "../support/app";
import { createUser, csrfFrom, signIn } from "../support/auth";
import { runCli } from "../support/cli";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";

/*
 * Every way text gets in passes the publication guard, because every one writes through the
 * record store. The staff forms and the write API are followed end to end in
 * review-pages.test.ts, `quash import` of a docket report in import-holds.test.ts; here the
 * import page (a docket report and a court RSS feed), a Notice of Electronic Filing through
 * `quash import` (what e-mail intake imports), and a PDF uploaded to an entry, whose text layer
 * is published with the file.
 */

const place = (h: HoldRow) => [h.recordType, ...h.findings.map((f) => `${f.field}:${f.kind}`)];

describe("every write path passes the publication guard", () => {
  let app: FastifyInstance;
  let db: Db;
  let dataDir: string;
  let cookie: string;

  beforeEach(async () => {
    dataDir = tempDataDir();
    ({ app, db } = await buildTestApp({ config: { dataDir } }));
    await createUser(app, { email: "editor@example.org", role: "editor" });
    cookie = await signIn(app, "editor@example.org");
  });
  afterEach(async () => app.close());

  const held = () => createGuardRepository(db).holds({ status: "held" });

  /** Uploads files on the import page, then confirms the preview, as a browser would. */
  async function importThroughPage(files: { fileName: string; content: Buffer }[]) {
    const csrf = csrfFrom((await app.inject({ url: "/staff/import", headers: { cookie } })).body);
    const boundary = `----quash${randomBytes(8).toString("hex")}`;
    const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)];
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.fileName}"\r\nContent-Type: text/html\r\n\r\n`,
        ),
        file.content,
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const preview = await app.inject({
      method: "POST",
      url: "/staff/import/preview",
      headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
    expect(preview.statusCode).toBe(200);
    expect(held()).toEqual([]); // a preview writes nothing
    const $ = parseHtml(preview.body);
    const fields = new URLSearchParams();
    $('form[action="/staff/import/confirm"] input[type="hidden"]').each(
      (_, el) => void fields.append($(el).attr("name")!, $(el).attr("value") ?? ""),
    );
    const done = await app.inject({
      method: "POST",
      url: "/staff/import/confirm",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: fields.toString(),
    });
    expect(done.statusCode).toBe(303);
    return parseHtml((await app.inject({ url: done.headers.location as string, headers: { cookie } })).body);
  }

  it("the import page, with a docket report: the entry printing a passport number is held", async () => {
    const done = await importThroughPage([{ fileName: "caed_2.html", content: fixtureBytes("district/caed_2.html") }]);
    expect(held().map(place)).toEqual([["entry", "description:passport"]]);
    expect(held()[0]!.heldBy).toBe("import #1 by editor@example.org");
    // The import's page says what was held, by place, with a link to its review.
    const item = done(".import-held li a");
    expect(item.text()).toBe(`entry ${held()[0]!.recordId}: Passport number in description`);
    expect(item.attr("href")).toBe(`/staff/review/${held()[0]!.id}`);
  });

  it("the import page, with a court RSS feed: an item whose text gives a full birth date is held", async () => {
    const feed = rssFeed({
      docketNumber: "3:23-cv-04557",
      caseName: "T. v. OpenAI LP",
      caseId: "417177",
      short: "Declaration of the minor's parent, DOB 01/05/2012",
      number: "3",
      docId: "035123515222",
      seq: "17",
      pubDate: "Wed, 06 Sep 2023 21:00:00 GMT",
    });
    await importThroughPage([{ fileName: "cand_feed.xml", content: feed }]);
    expect(held().map(place)).toEqual([["entry", "description:birth-date", "shortDescription:birth-date"]]);
  });

  it("quash import of a Notice of Electronic Filing (what e-mail intake imports): an SSN in the docket text is held", async () => {
    const nef = fixtureBytes("nef/cand.html")
      .toString("latin1")
      .replace("CLERK'S NOTICE :This court is a", "CLERK'S NOTICE : re SSN 219-09-9999. This court is a");
    expect(nef).toContain("219-09-9999");
    const file = join(dataDir, "nef-cand.html");
    writeFileSync(file, nef, "latin1");
    const databaseFile = join(dataDir, "cli.db");
    const result = await runCli(["import", file], {
      env: { DATABASE_FILE: databaseFile, DATA_DIR: join(dataDir, "cli-data"), LOG_LEVEL: "silent" },
    });
    expect(result.code).toBe(0);
    // The report says what was held, by place; the import's own lines quote the docket text, to staff only.
    expect(result.out.filter((line) => line.startsWith("held "))).toEqual([
      expect.stringMatching(/^held entry \d+ of case cand-4-20-cv-05640: Social Security number in description \(characters 25–35\)$/),
    ]);
    const cli = openDatabase(databaseFile);
    try {
      expect(createGuardRepository(cli).holds({ status: "held" }).map(place)).toEqual([["entry", "description:ssn"]]);
    } finally {
      cli.$client.close();
    }
  });

  it("a PDF uploaded to an entry: an SSN in its text layer holds the document, and the public cannot download it", async () => {
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    const entry = insertEntry(db, kase.id, { number: 12, description: "DECLARATION" });
    const url = `/staff/cases/doe-v-dhs/entries/${entry.id}/documents`;
    const csrf = csrfFrom((await app.inject({ url, headers: { cookie } })).body);
    const body = multipartBody(
      { _csrf: csrf, attachmentNumber: "0" },
      { fileName: "decl.pdf", content: minimalPdf(["Declaration of J. Doe, SSN 219-09-9999"]) },
    );
    const res = await app.inject({ method: "POST", url, headers: { cookie, "content-type": body.contentType }, payload: body.payload });
    expect(res.statusCode).toBe(303);
    const holds = held();
    expect(holds.map(place)).toEqual([["document", "extractedText:ssn"]]);
    expect((await app.inject(`/documents/${holds[0]!.recordId}`)).statusCode).toBe(404);
    expect((await app.inject("/cases/doe-v-dhs")).body).not.toContain(`/documents/${holds[0]!.recordId}`);
    // Quash cannot take words out of a PDF's pages: the review page says so and offers no redaction of the file, only release.
    const review = parseHtml((await app.inject({ url: `/staff/review/${holds[0]!.id}`, headers: { cookie } })).body);
    expect(review(".pdf-text-note").text()).toMatch(
      /^This is in the PDF's own pages, so the document stays held: Quash cannot redact inside a PDF\./,
    );
    expect(review("mark").text()).toBe("219-09-9999");
    expect(review(`form[action="/staff/review/${holds[0]!.id}/redact"]`)).toHaveLength(0);
    expect(review(`form[action="/staff/review/${holds[0]!.id}/release"]`)).toHaveLength(1);
  });
});
