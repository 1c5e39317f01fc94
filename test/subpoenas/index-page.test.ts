import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { collapseWhitespace, parseHtml } from "../support/html";
import { openPage } from "../support/pages";
import {
  citeSource,
  insertCase,
  insertCoverage,
  insertEvent,
  insertJudge,
  insertMotion,
  insertOrder,
  insertOrganization,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
} from "../support/factories";

describe("subpoenas index", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    const dhs = insertOrganization(db, { name: "U.S. Department of Homeland Security", shortName: "DHS" });
    const meta = insertOrganization(db, { name: "Meta Platforms, Inc.", shortName: "Meta", kind: "platform" });
    const google = insertOrganization(db, { name: "Google LLC", shortName: "Google", kind: "platform" });
    const source = insertSource(db, { tag: "S10" });

    const stayed = insertSubpoena(db, {
      slug: "stayed",
      title: "Summons to Meta",
      issuerId: dhs.id,
      recipientId: meta.id,
      dateIssued: "2025-09-11",
    });
    const kase = insertCase(db, { slug: "doe-v-dhs" });
    linkCaseSubpoena(db, kase.id, stayed.id);
    const judge = insertJudge(db, { name: "Peter H. Kang" });
    const order = insertOrder(db, kase.id, { judgeId: judge.id, dateSigned: "2025-10-17", dateSignedPrecision: "day" });
    insertCoverage(db, order.id, stayed.id, { addresseeId: meta.id });
    citeSource(db, "order", order.id, source.id);
    insertMotion(db, kase.id);

    const withdrawn = insertSubpoena(db, {
      slug: "withdrawn",
      title: "Subpoena to Google",
      issuerId: dhs.id,
      recipientId: google.id,
      dateIssued: "2025-10-30",
    });
    const ev = insertEvent(db, {
      kind: "withdrawal",
      title: "Withdrawn",
      date: "2026-02-05",
      datePrecision: "day",
      subpoenaId: withdrawn.id,
    });
    citeSource(db, "event", ev.id, source.id);

    insertSubpoena(db, {
      slug: "issued",
      title: "Summons to Reddit",
      issuerId: dhs.id,
      dateIssued: "2026-03-01",
      dateIssuedLatest: "2026-03-31",
      dateIssuedPrecision: "month",
    });
  });
  afterEach(async () => app.close());

  it("groups by status, each demand with its status line and sources", async () => {
    const { $ } = await openPage(app, "/subpoenas");
    expect(
      $("section h2")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["Withdrawn", "Production stayed by court order", "Issued, no challenge recorded"]);
    const line = (slug: string) => collapseWhitespace($(`a[href='/subpoenas/${slug}']`).closest("li").find(".status-text").text());
    expect(line("withdrawn")).toBe("Withdrawn by DHS, February 5, 2026");
    expect(line("stayed")).toBe("Meta ordered not to produce pending ruling — Magistrate Judge Peter H. Kang, since October 17, 2025");
    expect(line("issued")).toBe("Issued March 2026; no court challenge recorded");
    expect($("a[href='/subpoenas/stayed']").closest("li").find(".status-line sup.src a").text()).toBe("S10");
    expect($("a[href='/subpoenas/stayed']").closest("li").find("a[href='/cases/doe-v-dhs']")).toHaveLength(1);
    expect($("strong[aria-current=page]").text()).toBe("By status");
  });

  it("groups by recipient, unknown recipients last", async () => {
    const $ = parseHtml((await app.inject("/subpoenas?group=recipient")).body);
    expect(
      $("section h2")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["To Google", "To Meta", "Recipient unknown"]);
    expect($("strong[aria-current=page]").text()).toBe("By recipient");
  });

  it("answers 400 with a page for a malformed grouping", async () => {
    const res = await app.inject("/subpoenas?group=judge");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(parseHtml(res.body)("h1").text()).toBe("Bad request");
  });
});
