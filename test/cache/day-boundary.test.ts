import { describe, expect, it } from "vitest";
import { buildApp } from "../../server/app";
import { PUBLIC_CACHE_CONTROL, publicCacheControlAt } from "../../server/cache/policy";
import { testConfig } from "../../server/config";
import { fixedClock } from "../../server/shared/clock";
import { createTestDb } from "../support/db";
import { insertDoeCaseBeforeHixson } from "../support/scenarios";

/*
 * A page says the day it was retrieved, and the server drops its stored pages at midnight UTC and
 * at midnight on the court's (Pacific) clock: a copy kept by a browser or a CDN must end by then too.
 */
describe("public Cache-Control near midnight", () => {
  it("is the full minute and five minutes' revalidation for most of the day", () => {
    expect(publicCacheControlAt("2026-11-21T20:00:00.000Z")).toBe(PUBLIC_CACHE_CONTROL);
    expect(PUBLIC_CACHE_CONTROL).toBe("public, max-age=60, stale-while-revalidate=300");
    // 23:54 UTC is 15:54 in San Francisco: six minutes left of the UTC day, exactly the window.
    expect(publicCacheControlAt("2026-11-21T23:54:00.000Z")).toBe(PUBLIC_CACHE_CONTROL);
  });

  it("shrinks to end at midnight UTC", () => {
    expect(publicCacheControlAt("2026-11-21T23:58:00.000Z")).toBe("public, max-age=60, stale-while-revalidate=60");
    expect(publicCacheControlAt("2026-11-21T23:59:30.000Z")).toBe("public, max-age=30, stale-while-revalidate=0");
    expect(publicCacheControlAt("2026-11-21T23:59:59.500Z")).toBe("public, max-age=1, stale-while-revalidate=0");
    expect(publicCacheControlAt("2026-11-22T00:00:00.000Z")).toBe(PUBLIC_CACHE_CONTROL);
  });

  it("shrinks to end at midnight in the courts' zone, standard time and summer time alike", () => {
    // 21 November: Pacific standard time, UTC-8, so 07:57 UTC is 23:57 in San Francisco.
    expect(publicCacheControlAt("2026-11-21T07:57:00.000Z")).toBe("public, max-age=60, stale-while-revalidate=120");
    // 1 July: Pacific daylight time, UTC-7, so 06:59:15 UTC is 23:59:15 there.
    expect(publicCacheControlAt("2026-07-01T06:59:15.000Z")).toBe("public, max-age=45, stale-while-revalidate=0");
    expect(publicCacheControlAt("2026-07-01T07:57:00.000Z")).toBe(PUBLIC_CACHE_CONTROL);
  });

  it("is what a public page and its 304 are sent with", async () => {
    const db = createTestDb();
    insertDoeCaseBeforeHixson(db, { dateFiled: "2025-09-18", dateFiledPrecision: "day" });
    const app = await buildApp({ config: testConfig(), db, clock: fixedClock("2026-11-21T23:59:00.000Z") });
    try {
      for (const url of ["/cases/doe-v-dhs", "/api/v1/cases/doe-v-dhs", "/feed.atom"]) {
        const first = await app.inject(url);
        expect(first.statusCode).toBe(200);
        expect(first.headers["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=0");
        // The second answer comes from the server's page cache where the route keeps one.
        const again = await app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
        expect(again.statusCode).toBe(304);
        expect(again.headers["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=0");
      }
    } finally {
      await app.close();
    }
  });
});
