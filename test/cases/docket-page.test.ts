import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { openPage } from "../support/pages";
import { citeSource, insertEntry, insertMotion, insertOrder, insertParty, insertDocument, insertSource } from "../support/factories";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";
import { files } from "../../db/schema";
import { createRecordStore } from "../../server/records/store";
import { testActor, testClock } from "../support/db";

describe("docket page", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const { judge, kase } = insertDoeCaseBeforeHixson(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    caseId = kase.id;
    const source = insertSource(db, { tag: "S01", publisher: "Politico (copy)" });
    citeSource(db, "case", caseId, source.id);
    insertParty(db, caseId, { name: "J. Doe", role: "Movant" });
    const motionEntry = insertEntry(db, caseId, {
      number: 1,
      sequence: 1,
      dateFiled: "2025-09-18",
      dateEntered: "2025-09-19",
      description: "MOTION to Quash filed by J. Doe",
      kind: "motion",
    });
    citeSource(db, "entry", motionEntry.id, source.id);
    insertEntry(db, caseId, {
      number: 2,
      sequence: 2,
      dateFiled: "2025-09-18",
      description: "Secret declaration naming the movant",
      sealed: true,
    });
    insertEntry(db, caseId, {
      number: null,
      sequence: 2.5,
      dateFiled: "2025-09-19",
      description: "Clerk's notice of assignment",
      kind: "notice",
    });
    const order = insertOrder(db, caseId, {
      title: "Order that Meta not produce",
      judgeId: judge.id,
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    insertMotion(db, caseId, { entryId: motionEntry.id, status: "moot", decidedByOrderId: order.id });
  });
  afterEach(async () => app.close());

  it("reads like a PACER docket: court, number, caption, judge, entries in order", async () => {
    const { $ } = await openPage(app, "/cases/doe-v-dhs");
    expect($("h1").text()).toBe("Doe v. U.S. Department of Homeland Security");
    expect($(".docket-number").text()).toContain("3:25-mc-80200-TSH");
    expect($(".case-header").text()).toContain("U.S. Magistrate Judge Thomas S. Hixson");
    const rows = $("table.docket-entries tbody tr");
    expect(rows).toHaveLength(3);
    expect($(rows[0]).find("td").eq(0).text().trim()).toBe("09/18/2025");
    expect($(rows[0]).find("td").eq(3).text().trim()).toBe("09/19/2025");
    expect($(rows[0]).text()).toContain("MOTION to Quash filed by J. Doe");
    expect($(rows[0]).find("sup.src a").attr("href")).toBe("/sources#source-S01");
  });

  it("shows a sealed entry only as a placeholder", async () => {
    const res = await app.inject("/cases/doe-v-dhs");
    expect(res.body).not.toContain("Secret declaration");
    const sealedRow = parseHtml(res.body)("table.docket-entries tbody tr").eq(1);
    expect(sealedRow.text()).toContain("SEALED");
    expect(sealedRow.find("td").eq(1).text().trim()).toBe("2");
  });

  it("does not find a sealed entry by its text", async () => {
    const res = await app.inject("/cases/doe-v-dhs?q=Secret");
    expect(res.statusCode).toBe(200);
    expect(parseHtml(res.body)("table.docket-entries tbody tr")).toHaveLength(0);
    expect(res.body).not.toContain("Secret declaration");
  });

  it("filters by kind, date range and text, and sorts newest first", async () => {
    const byKind = parseHtml((await app.inject("/cases/doe-v-dhs?kind=notice")).body);
    expect(byKind("table.docket-entries tbody tr")).toHaveLength(1);
    const byDate = parseHtml((await app.inject("/cases/doe-v-dhs?from=2025-09-19&to=2025-09-30")).body);
    expect(byDate("table.docket-entries tbody tr")).toHaveLength(1);
    const byText = parseHtml((await app.inject("/cases/doe-v-dhs?q=quash")).body);
    expect(byText("table.docket-entries tbody tr")).toHaveLength(1);
    const desc = parseHtml((await app.inject("/cases/doe-v-dhs?order=desc")).body);
    expect(desc("table.docket-entries tbody tr").first().text()).toContain("Clerk's notice");
  });

  it("paginates long dockets", async () => {
    for (let i = 0; i < 25; i++) insertEntry(db, caseId, { number: 10 + i, sequence: 10 + i });
    const res = await app.inject("/cases/doe-v-dhs?per=10&page=2");
    const $ = parseHtml(res.body);
    expect($("table.docket-entries tbody tr")).toHaveLength(10);
    expect($("nav[aria-label='Docket pages']").text()).toContain("Page 2 of 3");
    expect($("a[rel=next]").attr("href")).toContain("page=3");
  });

  it("re-renders with a message beside a malformed date filter (400)", async () => {
    const res = await app.inject("/cases/doe-v-dhs?from=2026-02-30");
    expect(res.statusCode).toBe(400);
    const $ = parseHtml(res.body);
    expect($("#from-error").text()).toContain("real date");
    expect($("input[name=from]").attr("aria-invalid")).toBe("true");
  });

  it("answers a real 404 page for an unknown case", async () => {
    const res = await app.inject("/cases/no-such-case");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(parseHtml(res.body)("h1").text()).toBe("Page not found");
  });

  it("serves stored bytes with an ETag and compression, until a write touches the case", async () => {
    const first = await app.inject("/cases/doe-v-dhs");
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const notModified = await app.inject({ url: "/cases/doe-v-dhs", headers: { "if-none-match": etag } });
    expect(notModified.statusCode).toBe(304);
    const gz = await app.inject({ url: "/cases/doe-v-dhs", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const br = await app.inject({ url: "/cases/doe-v-dhs", headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers["content-encoding"]).toBe("br");

    createRecordStore(db, testClock).insert(
      "entry",
      { caseId, number: 3, sequence: 3, dateFiled: "2025-11-30", description: "NOTICE of withdrawal of subpoena" },
      { actor: testActor },
    );
    const after = await app.inject({ url: "/cases/doe-v-dhs", headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain("NOTICE of withdrawal of subpoena");
  });

  it("gives each entry a permalink page with a citation", async () => {
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const href = $("table.docket-entries tbody tr").first().find("a.permalink").attr("href")!;
    const res = await app.inject(href);
    expect(res.statusCode).toBe(200);
    const page = parseHtml(res.body);
    expect(page("h1").text()).toBe("ECF No. 1");
    // Bluebook form: court and date in one parenthetical, the case name in italics.
    expect(page("p.citation").text()).toMatch(/, ECF No\. 1 \((N\.D\. Cal\. )?[A-Z][a-z]+\.? \d{1,2}, \d{4}\), retrieved /);
    expect(page("p.citation i").first().text()).toBeTruthy();
    const api = (await app.inject("/api/v1/cases/doe-v-dhs")).json().data as { entries: { number: number | null; citation?: string }[] };
    expect(page("p.citation").text()).toContain(`Quash, ${api.entries.find((e) => e.number === 1)!.citation}, retrieved `);
  });

  it("links filed PDFs for download, but never a sealed document's", async () => {
    const entry = insertEntry(db, caseId, { number: 7, sequence: 7, description: "DECLARATION with exhibits" });
    db.insert(files)
      .values({ sha256: "a".repeat(64), sizeBytes: 10, mediaType: "application/pdf", storagePath: "files/aa/x", createdAt: "2026-01-01" })
      .run();
    const open = insertDocument(db, entry.id, { attachmentNumber: 0, fileSha256: "a".repeat(64) });
    insertDocument(db, entry.id, { attachmentNumber: 1, description: "Exhibit A", fileSha256: "a".repeat(64), sealed: true });
    const row = parseHtml((await app.inject("/cases/doe-v-dhs")).body)(`tr#entry-${entry.id}`);
    expect(
      row
        .find("li a")
        .map((_, a) => parseHtml("")(a).attr("href"))
        .get(),
    ).toEqual([`/documents/${open.id}`]);
    expect(row.text()).toContain("Attachment 1");
  });

  it("lists motions with the order that decided them", async () => {
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const motionRow = $("#motions-heading").parent().find("tbody tr").first();
    expect(motionRow.text()).toContain("Moot");
    expect(motionRow.find("a").attr("href")).toMatch(/^#order-/);
    // Each motion has its own page, where its arguments sit beside the court's treatment.
    expect($("#motions-heading").parent().find("p a").attr("href")).toMatch(/^\/cases\/doe-v-dhs\/motions\/\d+$/);
  });

  it("marks an entry reconstructed from a press report and an inferred date on the table, and words a staff-logged entry plainly", async () => {
    const press = insertEntry(db, caseId, {
      number: null,
      sequence: 3,
      dateFiled: "2025-09-20",
      description: "Hearing reported by the press",
      source: "press",
    });
    const source = insertSource(db, { tag: "S09", publisher: "Davis Vanguard" });
    citeSource(db, "entry", press.id, source.id, { field: "dateFiled", inferred: true, inferredReason: "reported the next day" });
    insertEntry(db, caseId, { number: 4, sequence: 4, dateFiled: "2025-09-21", description: "Logged entry", source: "manual" });
    const $ = parseHtml((await app.inject("/cases/doe-v-dhs")).body);
    const row = $(`#entry-${press.id}`);
    expect(row.hasClass("entry-press")).toBe(true);
    expect(
      row
        .find(".badge")
        .map((_, b) => $(b).text())
        .get(),
    ).toEqual(["date inferred", "Press report — not on the court's docket"]);
    const text = $("table.docket-entries").text();
    expect(text).toContain("logged by staff");
    expect(text).not.toContain("from entered by staff");
  });

  it('gives an entry page a "Cite this page" box: permalink, last change, retrieval date and a ready Bluebook citation', async () => {
    const entry = insertEntry(db, caseId, { number: 7, sequence: 7, dateFiled: "2025-09-18", description: "Order" });
    const $ = parseHtml((await app.inject(`/cases/doe-v-dhs/entries/${entry.id}`)).body);
    const box = $("section.cite-box");
    expect(box.find("h2").text()).toBe("Cite this page");
    const permalink = `http://127.0.0.1:3000/cases/doe-v-dhs/entries/${entry.id}`;
    expect(box.find(".citation").text()).toBe(
      `Quash, Doe v. U.S. Department of Homeland Security, No. 3:25-mc-80200-TSH, ECF No. 7 (N.D. Cal. Sept. 18, 2025), retrieved Nov. 21, 2026, <${permalink}>`,
    );
    expect(box.find(".citation i").first().text()).toBe("Doe v. U.S. Department of Homeland Security");
    expect(box.find("a").attr("href")).toBe(permalink);
    expect(
      box
        .find("time")
        .map((_, t) => $(t).attr("datetime"))
        .get(),
    ).toEqual([entry.updatedAt.slice(0, 10), "2026-11-21"]);
  });
});
