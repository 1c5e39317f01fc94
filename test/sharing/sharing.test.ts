import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import * as cheerio from "cheerio";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { docketEntries } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { parseHtml } from "../support/html";
import { insertCase, insertEntry, holdRecord } from "../support/factories";

const BASE = "http://127.0.0.1:3000";

/* Link previews, canonical addresses, the sitemap and robots.txt. */
describe("sharing over the bundled record", () => {
  let app: FastifyInstance;
  let locs: string[];
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
    const res = await app.inject("/sitemap.xml");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
    const $ = cheerio.load(res.body, { xml: true });
    expect($("urlset").attr("xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    locs = $("url > loc")
      .map((_, el) => $(el).text())
      .get();
  });
  afterAll(async () => app.close());

  it("lists every public page kind once, as absolute addresses that answer 200", async () => {
    expect(new Set(locs).size).toBe(locs.length);
    for (const kind of ["/subpoenas/", "/cases/", "/entries/", "/motions/", "/judges/", "/doctrine/", "/authorities/"])
      expect(
        locs.some((l) => l.includes(kind)),
        kind,
      ).toBe(true);
    const cases = (await app.inject("/api/v1/cases?page_size=100")).json().data as { htmlUrl: string }[];
    expect(locs).toEqual(expect.arrayContaining(cases.map((c) => c.htmlUrl)));
    for (const loc of locs) {
      expect(loc.startsWith(`${BASE}/`), loc).toBe(true);
      expect((await app.inject(loc.slice(BASE.length))).statusCode, loc).toBe(200);
    }
  });

  it("gives every page of the sitemap its canonical address and Open Graph and Twitter card metadata", async () => {
    for (const loc of locs.filter((l) => !l.includes("/entries/")).concat(locs.filter((l) => l.includes("/entries/")).slice(0, 3))) {
      const $ = parseHtml((await app.inject(loc.slice(BASE.length))).body);
      expect($("link[rel=canonical]").attr("href"), loc).toBe(loc);
      expect($("meta[property='og:url']").attr("content"), loc).toBe(loc);
      expect($("meta[property='og:title']").attr("content"), loc).toBe(
        $("head > title")
          .text()
          .replace(/ · Quash$/, ""),
      );
      expect($("meta[property='og:description']").attr("content"), loc).toBeTruthy();
      expect($("meta[name='twitter:card']").attr("content"), loc).toBe("summary");
    }
  });

  it("names a filtered view's page as its canonical address, and gives staff pages none", async () => {
    const $ = parseHtml((await app.inject("/timeline?year=2025")).body);
    expect($("link[rel=canonical]").attr("href")).toBe(`${BASE}/timeline`);
    const login = parseHtml((await app.inject("/login")).body);
    expect(login("link[rel=canonical]")).toHaveLength(0);
    expect(login("meta[property^='og:']")).toHaveLength(0);
  });

  it("serves robots.txt pointing to the sitemap and keeping crawlers off staff pages", async () => {
    const res = await app.inject("/robots.txt");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const lines = res.body.split("\n");
    expect(lines).toEqual(
      expect.arrayContaining(["User-agent: *", "Disallow: /staff", "Disallow: /login", `Sitemap: ${BASE}/sitemap.xml`]),
    );
  });
});

describe("the sitemap and what is not public", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("leaves out unpublished cases, held and deleted entries", async () => {
    const kase = insertCase(db, { slug: "doe-v-dhs" });
    const open = insertEntry(db, kase.id, { number: 1 });
    const held = insertEntry(db, kase.id, { number: 2 });
    holdRecord(db, "entry", held.id, kase.id);
    const deleted = insertEntry(db, kase.id, { number: 3 });
    db.update(docketEntries).set({ deletedAt: "2025-10-04T00:00:00.000Z" }).where(eq(docketEntries.id, deleted.id)).run();
    insertCase(db, { slug: "unpublished-case", published: false });
    const body = (await app.inject("/sitemap.xml")).body;
    expect(body).toContain(`${BASE}/cases/doe-v-dhs/entries/${open.id}<`);
    expect(body).not.toContain(`/entries/${held.id}<`);
    expect(body).not.toContain(`/entries/${deleted.id}<`);
    expect(body).not.toContain("unpublished-case");
  });
});
