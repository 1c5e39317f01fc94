import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generatedSlug, generateRecord } from "../../bench/generate-record";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { insertDeadline, insertHearing, insertMotion } from "../support/factories";
import { parseHtml } from "../support/html";
import { fullScans, planOf, recordQueries } from "../support/query-plans";

/*
 * A docket page shows every motion, hearing and deadline of its case (the status, the schedule
 * and the motions table are built from all of them), so it reads them all; what must hold is
 * that it reads only its own case's, from the case's index, however many the other cases have.
 */
describe("a docket's motions, hearings and deadlines on a record of 40 cases", () => {
  let app: FastifyInstance;
  let db: Db;
  let caseIds: number[];

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    generateRecord(db, { cases: 40, entries: 4_000, bigCase: 1_000, now: testClock.now() });
    caseIds = (db.$client.prepare("SELECT id FROM cases WHERE slug LIKE 'generated-case-%' ORDER BY id").all() as { id: number }[]).map(
      (r) => r.id,
    );
    for (const [n, caseId] of caseIds.entries()) {
      for (let i = 0; i < 5; i++) {
        insertMotion(db, caseId, { title: `Motion ${i + 1} of case ${n + 1}`, status: i === 0 ? "pending" : "denied" });
        insertHearing(db, caseId, { title: `Hearing ${i + 1} of case ${n + 1}`, date: `2026-12-0${i + 1}` });
        insertDeadline(db, caseId, { label: `Deadline ${i + 1} of case ${n + 1}`, dateDue: `2026-12-1${i}` });
      }
    }
  }, 60_000);
  afterAll(async () => app.close());

  it("reads the case's own from their case indexes, and shows every one of them", async () => {
    const { result, queries } = await recordQueries(db, () => app.inject(`/cases/${generatedSlug(3)}`));
    expect(result.statusCode).toBe(200);
    const text = parseHtml(result.body)("body").text();
    for (let i = 1; i <= 5; i++) {
      expect(text).toContain(`Motion ${i} of case 3`);
      expect(text).toContain(`Hearing ${i} of case 3`);
      expect(text).toContain(`Deadline ${i} of case 3`);
    }
    expect(text).not.toContain("of case 4");
    for (const [table, index] of [
      ["motions", "motions_case_idx"],
      ["hearings", "hearings_case_idx"],
      ["deadlines", "deadlines_case_idx"],
    ] as const) {
      const read = queries.find((q) => new RegExp(`^select .* from "${table}" where \\("${table}"."case_id" = \\?`).test(q.sql));
      expect(read, table).toBeDefined();
      expect(planOf(db, read!).join("\n"), table).toMatch(new RegExp(`SEARCH ${table} USING INDEX ${index} \\(case_id=\\?\\)`));
    }
    expect(fullScans(db, queries, ["motions", "hearings", "deadlines", "docket_entries"])).toEqual([]);
  });
});
