import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { paths } from "../../server/paths";
import { buildTestApp } from "../support/app";
import { createUser, signIn } from "../support/auth";
import { testClock } from "../support/db";
import { parseHtml } from "../support/html";
import { recordQueries } from "../support/query-plans";

/* Staff lists across the whole record stay a page long however much the record holds. */
describe("staff lists of a large record", () => {
  let app: FastifyInstance;
  let db: Db;
  let staff: string;

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    generateRecord(db, { cases: 3, entries: 3_000, bigCase: 2_000, now: testClock.now() });
    // 600 stricken entries, struck over time, and 20 deleted documents.
    db.$client
      .prepare(
        "UPDATE docket_entries SET stricken = 1, updated_at = printf('2026-01-01T00:00:%02d.%03dZ', (id / 1000) % 60, id % 1000) WHERE id <= 600",
      )
      .run();
    db.$client.prepare("UPDATE documents SET deleted_at = ? WHERE id <= 20").run(testClock.now());
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    staff = await signIn(app, "viewer@example.org");
  }, 60_000);
  afterAll(async () => app.close());

  it("lists the latest 500 deleted or stricken records and says how many there are", async () => {
    const { result, queries } = await recordQueries(db, () => app.inject({ url: paths.staffDeleted(), headers: { cookie: staff } }));
    expect(result.statusCode).toBe(200);
    const $ = parseHtml(result.body);
    expect($("table.deleted-records caption").text()).toBe("620 deleted or stricken; the latest 500, most recent first");
    expect($("tr.deleted-row")).toHaveLength(500);
    // The 20 deletions (dated) first, then the strikes newest first, cut at 500: entries 600 down to 121.
    const hrefs = $("tr.deleted-row th a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(hrefs.slice(0, 20).every((h) => h.startsWith("/staff/history/document/"))).toBe(true);
    expect(hrefs[20]).toBe(paths.staffHistory("entry", "600"));
    expect(hrefs.at(-1)).toBe(paths.staffHistory("entry", "121"));
    expect(Math.max(...queries.map((q) => q.params.length))).toBeLessThanOrEqual(1_100);
  });
});
