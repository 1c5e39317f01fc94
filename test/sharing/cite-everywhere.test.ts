import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import { fixedClock, type Clock } from "../../server/shared/clock";
import { createSeededDb } from "../seeds/support";
import { TEST_NOW } from "../support/db";
import { parseHtml } from "../support/html";

const BASE = "http://127.0.0.1:3000";

/*
 * "Cite this page" on every public record page, and a page cache that never serves a stored
 * page on a later day than the retrieval date it prints. The clock here can be moved.
 */
describe("cite this page on every record page", () => {
  let app: FastifyInstance;
  let at = TEST_NOW;
  const clock: Clock = { now: () => fixedClock(at).now(), today: (zone) => fixedClock(at).today(zone) };
  let locs: string[];

  beforeAll(async () => {
    app = await buildApp({ config: testConfig({ publicUrl: BASE }), db: createSeededDb(), clock });
    const sitemap = (await app.inject("/sitemap.xml")).body;
    locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  });
  afterAll(async () => app.close());

  const first = (pattern: RegExp) => {
    const found = locs.find((l) => pattern.test(l));
    expect(found, String(pattern)).toBeDefined();
    return found!;
  };

  async function box(path: string) {
    const res = await app.inject(path);
    expect(res.statusCode, path).toBe(200);
    const $ = parseHtml(res.body);
    const section = $("section.cite-box");
    return {
      res,
      count: section.length,
      citation: section.find(".citation").text(),
      permalink: section.find("dd a").first().attr("href"),
      changed: section.find("dt:contains('Last changed') + dd time").attr("datetime"),
      retrieved: section.find("dt:contains('Retrieved') + dd time").attr("datetime"),
    };
  }

  it("gives each kind of record page a box with its permalink, last change and retrieval date", async () => {
    const kinds = [
      first(/^\/cases\/[^/]+$/),
      first(/^\/cases\/[^/]+\/entries\/\d+$/),
      first(/^\/cases\/[^/]+\/motions\/\d+$/),
      first(/^\/subpoenas\/[^/]+$/),
      first(/^\/judges\/[^/]+$/),
      first(/^\/authorities\/[^/]+$/),
      first(/^\/doctrine\/[^/]+$/),
    ];
    for (const path of kinds) {
      const b = await box(path);
      expect(b.count, path).toBe(1);
      expect(b.permalink, path).toBe(`${BASE}${path}`);
      expect(b.retrieved, path).toBe("2026-11-21");
      expect(b.changed, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(b.citation, path).toMatch(/^Quash, .+, retrieved Nov\. 21, 2026, </);
      expect(b.citation, path).toContain(`<${BASE}${path}>`);
    }
  });

  it("does not serve yesterday's stored page once the UTC day has turned, even before the court's day has", async () => {
    const path = first(/^\/subpoenas\/[^/]+$/);
    at = TEST_NOW;
    const before = await box(path);
    expect(before.retrieved).toBe("2026-11-21");
    // Stored now: a second request is the same bytes.
    expect((await box(path)).res.headers.etag).toBe(before.res.headers.etag);
    // 05:00 UTC on the 22nd is still the 21st in San Francisco.
    at = "2026-11-22T05:00:00.000Z";
    expect(clock.today()).toBe("2026-11-21");
    const after = await box(path);
    expect(after.retrieved).toBe("2026-11-22");
    expect(after.citation).toContain("retrieved Nov. 22, 2026");
    expect(after.res.headers.etag).not.toBe(before.res.headers.etag);
    // A client holding yesterday's page is not told it is current.
    const revalidated = await app.inject({ url: path, headers: { "if-none-match": String(before.res.headers.etag) } });
    expect(revalidated.statusCode).toBe(200);
    at = TEST_NOW;
  });
});
