import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { insertJudge } from "../support/factories";
import { fullScans, recordQueries } from "../support/query-plans";

/*
 * The judges list counts each judge's cases and orders in SQL, and whether the public may see
 * a judge is asked from the judge's own rows (migration 0017's indexes): on a record of 300
 * cases and 1,500 orders no statement of the list reads every case or every order.
 */
describe("the judges of a record of 300 cases", () => {
  let app: FastifyInstance;
  let db: Db;
  const judges: { id: number; slug: string }[] = [];

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    generateRecord(db, { cases: 300, entries: 15_000, bigCase: 1_000, orderEvery: 10, now: testClock.now() });
    for (let n = 0; n < 4; n++) judges.push(insertJudge(db));
    const sql = db.$client;
    // Judge 0 is assigned 1 case in 7 and referred 1 in 11 (a case can name them twice: it counts once);
    // judge 1 is referred 1 in 5 and signs 1 order in 3; judge 2 signs orders of an unpublished case only;
    // judge 3 is named by nothing (entered by staff, so public, with no cases).
    sql.prepare("UPDATE cases SET assigned_judge_id = ? WHERE slug LIKE 'generated-case-%' AND id % 7 = 0").run(judges[0]!.id);
    sql.prepare("UPDATE cases SET referred_judge_id = ? WHERE slug LIKE 'generated-case-%' AND id % 11 = 0").run(judges[0]!.id);
    sql
      .prepare("UPDATE cases SET referred_judge_id = ? WHERE slug LIKE 'generated-case-%' AND id % 5 = 0 AND id % 11 <> 0")
      .run(judges[1]!.id);
    sql.prepare("UPDATE orders SET judge_id = ? WHERE id % 3 = 0").run(judges[1]!.id);
    const hidden = sql.prepare("SELECT id FROM cases WHERE slug = 'generated-case-0300'").get() as { id: number };
    sql.prepare("UPDATE cases SET published = 0 WHERE id = ?").run(hidden.id);
    sql.prepare("UPDATE orders SET judge_id = ? WHERE case_id = ?").run(judges[2]!.id, hidden.id);
  }, 60_000);
  afterAll(async () => app.close());

  /** The counts as reading every public case and order would give them. */
  function expected(judgeId: number) {
    const sql = db.$client;
    const cases = sql
      .prepare(
        "SELECT count(*) AS n FROM cases WHERE deleted_at IS NULL AND published = 1 AND sealed = 0 AND (assigned_judge_id = ? OR referred_judge_id = ?)",
      )
      .get(judgeId, judgeId) as { n: number };
    const orders = sql
      .prepare(
        "SELECT count(*) AS n FROM orders o JOIN cases c ON c.id = o.case_id WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND c.published = 1 AND c.sealed = 0 AND o.judge_id = ?",
      )
      .get(judgeId) as { n: number };
    return { caseCount: cases.n, orderCount: orders.n };
  }

  it("counts each judge's public cases and orders, and lists only the judges the public may see", async () => {
    const { result, queries } = await recordQueries(db, () => app.inject("/api/v1/judges?page_size=100"));
    expect(result.statusCode).toBe(200);
    const listed = new Map(
      (result.json() as { data: { slug: string; caseCount: number; orderCount: number }[] }).data.map((j) => [j.slug, j]),
    );
    for (const n of [0, 1, 3]) {
      const judge = judges[n]!;
      expect(listed.get(judge.slug), judge.slug).toMatchObject(expected(judge.id));
    }
    expect(expected(judges[0]!.id).caseCount).toBeGreaterThan(50);
    expect(expected(judges[1]!.id).orderCount).toBeGreaterThan(400);
    // Only an unpublished case's orders name judge 2: the public does not see the judge at all.
    expect(listed.has(judges[2]!.slug)).toBe(false);
    expect(fullScans(db, queries, ["cases", "orders", "docket_entries"])).toEqual([]);
  });

  it("finds a judge's page from the judge's own cases and orders", async () => {
    const { result, queries } = await recordQueries(db, () => app.inject(`/judges/${judges[0]!.slug}`));
    expect(result.statusCode).toBe(200);
    expect(fullScans(db, queries, ["cases", "docket_entries"])).toEqual([]);
  });
});
