import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { parseHtml } from "../support/html";
import { fixtureBytes, importOk, tempDataDir } from "./support";

/** These files are meant for the public: published at import, as `quash import --publish --group related` does. */
const PUBLISHED = { publish: true, group: "related" } as const;

describe("imported records on the public pages", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("shows each imported fact with the import's source, checked against the docket", async () => {
    const report = await importOk(db, tempDataDir(), "cand.html", fixtureBytes("district/cand.html"), PUBLISHED);
    const tag = report.source!.tag;
    const page = await app.inject("/cases/cand-3-08-cv-00159");
    expect(page.statusCode).toBe(200);
    const $ = parseHtml(page.body);
    expect($("h1").text()).toContain("Balbo v. Tilton");
    const markers = $(`a[href="/sources#source-${tag}"]`);
    expect(markers.length).toBeGreaterThan(3);
    expect(markers.first().attr("title") ?? markers.first().text()).toBeTruthy();
    expect(page.body).toContain("checked against the docket");

    const sources = parseHtml((await app.inject("/sources")).body);
    expect(sources(`#source-${tag}`).text()).toContain("PACER docket report of 2017-06-13");
  });

  it("keeps counsel's contact block, party details and PACER links off the public pages", async () => {
    const dataDir = tempDataDir();
    await importOk(db, dataDir, "cand.html", fixtureBytes("district/cand.html"), PUBLISHED);
    await importOk(db, dataDir, "nysd_1.txt", fixtureBytes("nef/mime/nysd_1.txt"), PUBLISHED);
    const pages = await Promise.all(
      [
        "/cases/cand-3-08-cv-00159",
        "/cases/nysd-1-20-cv-08924",
        "/api/v1/cases/cand-3-08-cv-00159",
        "/api/v1/cases/nysd-1-20-cv-08924",
      ].map((url) => app.inject(url)),
    );
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain("PO Box 5242");
      expect(page.body).not.toContain("Secretary CDCR");
      expect(page.body).not.toContain("magic_num");
    }
  });
});
