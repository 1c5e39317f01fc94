import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { loadCaseSummaries } from "../../server/cases/loaders";
import { CASES_PER_STATUS } from "../../server/overview/loaders";
import { createOverviewRepository } from "../../server/overview/repository";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { insertCase, insertMotion } from "../support/factories";
import { parseHtml } from "../support/html";
import { fullScans, mostBound, planOf, recordQueries } from "../support/query-plans";

/*
 * The overview's case groups are counted and picked in SQL (server/overview/repository.ts),
 * by the status rule deriveCaseStatus applies in JavaScript: the two must agree on every kind
 * of case, and the page must build no summary for a case it does not show.
 */
describe("the overview's case groups", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("gives each case the status deriveCaseStatus gives it", () => {
    const terminated = insertCase(db, { dateTerminated: "2025-12-01" });
    insertMotion(db, terminated.id, { status: "pending" });
    // A blank date of termination is no termination, in SQL as in JavaScript.
    insertCase(db, { dateTerminated: "" });
    insertCase(db);
    const pending = insertCase(db);
    insertMotion(db, pending.id, { status: "granted" });
    insertMotion(db, pending.id, { status: "pending" });
    const decided = insertCase(db);
    insertMotion(db, decided.id, { status: "denied" });
    insertMotion(db, decided.id, { status: "moot" });
    const unknown = insertCase(db);
    insertMotion(db, unknown.id, { status: "granted" });
    insertMotion(db, unknown.id, { status: "unknown" });
    // A deleted motion and one the publication guard holds count for nothing, as in the summaries.
    const deletedPending = insertCase(db);
    insertMotion(db, deletedPending.id, { status: "denied" });
    const gone = insertMotion(db, deletedPending.id, { status: "pending" });
    db.$client.prepare("UPDATE motions SET deleted_at = ? WHERE id = ?").run(testClock.now(), gone.id);
    const heldPending = insertCase(db);
    const held = insertMotion(db, heldPending.id, { status: "pending" });
    db.$client
      .prepare(
        "INSERT INTO publication_holds (record_type, record_id, case_id, status, findings, held_at, held_by) VALUES ('motion', ?, ?, 'held', '[]', ?, 'test')",
      )
      .run(String(held.id), heldPending.id, testClock.now());
    // An unpublished case is in no group.
    insertCase(db, { published: false });

    const repo = createOverviewRepository(db);
    const inJs = new Map<string, number>();
    for (const summary of loadCaseSummaries(db)) inJs.set(summary.status.label, (inJs.get(summary.status.label) ?? 0) + 1);
    const inSql = new Map(repo.caseStatusCounts().map((g) => [g.label, g.total]));
    expect(inSql).toEqual(inJs);
    expect(Object.fromEntries(inSql)).toEqual({ Closed: 1, "Motion pending": 1, "No motion pending": 2, "Status unknown": 4 });
    for (const label of inSql.keys()) {
      const picked = loadCaseSummaries(db, repo.casesWithStatus(label, 10));
      expect(picked.map((c) => c.status.label)).toEqual(picked.map(() => label));
    }
  });

  it(`shows the first ${CASES_PER_STATUS} cases of a status and says how many there are, summarising only those`, async () => {
    generateRecord(db, { cases: 120, entries: 1_200, bigCase: 20, now: testClock.now() });
    const { result, queries } = await recordQueries(db, () => app.inject("/"));
    expect(result.statusCode).toBe(200);
    const $ = parseHtml(result.body);
    const group = $("section").filter((_, el) => $(el).find("h2").text() === "Proceedings: Status unknown");
    const slugs = group
      .find("ul.card-list > li h3 a")
      .map((_, a) => $(a).attr("href"))
      .get();
    // The record's order: generated cases carry their number as position.
    expect(slugs).toEqual(Array.from({ length: CASES_PER_STATUS }, (_, n) => `/cases/generated-case-${String(n + 1).padStart(4, "0")}`));
    expect(group.find("p.more-cases").text()).toBe(
      `The first ${CASES_PER_STATUS} of 120 proceedings with this status, in the record's order: all proceedings.`,
    );
    expect(group.find("p.more-cases a").attr("href")).toBe("/cases");
    // No statement names the record's 120 cases; the status is worked out by the motions' index.
    expect(mostBound(queries)).toBeLessThan(CASES_PER_STATUS * 2 + 20);
    const picking = queries.find((q) => /order by "cases"."position"/i.test(q.sql) && /limit \?/i.test(q.sql))!;
    const plan = planOf(db, picking).join("\n");
    expect(plan).toMatch(/SEARCH motions USING INDEX motions_case_idx \(case_id=\?\)/);
    expect(fullScans(db, queries, ["docket_entries", "motions", "documents", "fact_sources", "judges"])).toEqual([]);
  });
});
