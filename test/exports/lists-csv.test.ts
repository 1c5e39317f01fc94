import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import type { Db } from "../../db/client";
import { COVERAGE_COLUMNS, SUBPOENA_COLUMNS } from "../../server/subpoenas/csv";
import { TIMELINE_COLUMNS } from "../../server/timeline/csv";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { parseHtml } from "../support/html";
import {
  citeSource,
  insertAccount,
  insertCase,
  insertCoverage,
  insertOrder,
  insertSource,
  insertSubpoena,
  linkCaseSubpoena,
  linkSubpoenaAccount,
} from "../support/factories";

async function readCsv(app: FastifyInstance, url: string, columns: readonly string[]) {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect((parse(res.body, { to_line: 1 }) as string[][])[0]).toEqual([...columns]);
  return { body: res.body, rows: parse(res.body, { columns: true }) as Record<string, string>[] };
}

/* The timeline and the subpoenas as CSV, read back by csv-parse and compared with what the API says of the same records. */
describe("the timeline and the subpoenas as CSV, over the bundled record", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  it("gives every timeline item once, in the page's order, with its ISO date, precision and link", async () => {
    const { rows } = await readCsv(app, "/timeline.csv", TIMELINE_COLUMNS);
    const answer = (await app.inject("/api/v1/timeline?page_size=100")).json() as {
      count: number;
      next: string | null;
      data: { title: string; htmlUrl: string }[];
    };
    expect(answer.next).toBeNull();
    const api = answer.data;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.title)).toEqual(api.map((i) => i.title));
    expect(rows.map((r) => r.url)).toEqual(api.map((i) => i.htmlUrl));
    for (const r of rows) {
      if (r.date) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["day", "month", "year", "range", "weekday", ""]).toContain(r.date_precision);
      expect(["yes", "no"]).toContain(r.date_inferred);
    }
    const page = parseHtml((await app.inject("/timeline")).body);
    expect(page("a[href$='.csv']").attr("href")).toBe("/timeline.csv");
  });

  it("gives every subpoena with its current status, as the API does", async () => {
    const { rows } = await readCsv(app, "/subpoenas.csv", SUBPOENA_COLUMNS);
    const api = (await app.inject("/api/v1/subpoenas?page_size=100")).json().data as { title: string; status: { label: string } }[];
    expect(rows.map((r) => [r.title, r.status])).toEqual(api.map((s) => [s.title, s.status.label]));
    const page = parseHtml((await app.inject("/subpoenas")).body);
    expect(page("a[href$='.csv']").attr("href")).toBe("/subpoenas.csv");
  });
});

describe("a subpoena's coverage as CSV", () => {
  let app: FastifyInstance;
  let db: Db;
  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
  });
  afterEach(async () => app.close());

  it("gives one row per account and order protecting it and one per account nothing protects", async () => {
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
    const sp = insertSubpoena(db, { slug: "dhs-meta", title: "DHS subpoena to Meta" });
    linkCaseSubpoena(db, kase.id, sp.id);
    const covered = insertAccount(db, { slug: "lbprotest", handle: "@LBProtest" });
    const bare = insertAccount(db, { slug: "other", handle: "@Other" });
    linkSubpoenaAccount(db, sp.id, covered.id);
    linkSubpoenaAccount(db, sp.id, bare.id);
    const order = insertOrder(db, kase.id, {
      slug: "hixson-order",
      title: "Order that Meta not produce",
      dateSigned: "2025-09-19",
      dateSignedPrecision: "day",
    });
    const coverage = insertCoverage(db, order.id, sp.id, {
      accountId: covered.id,
      status: "in_force",
      endCondition: "until the motion is decided",
    });
    citeSource(db, "coverage", coverage.id, insertSource(db, { tag: "S03" }).id);

    const { rows } = await readCsv(app, "/subpoenas/dhs-meta/coverage.csv", COVERAGE_COLUMNS);
    const byAccount = Object.fromEntries(rows.map((r) => [r.account, r]));
    expect(Object.keys(byAccount).sort()).toEqual(["@LBProtest", "@Other"]);
    expect(byAccount["@LBProtest"]).toMatchObject({
      named_by_subpoena: "yes",
      protected_via: "account",
      order: "Order that Meta not produce",
      order_signed: "2025-09-19",
      case: "Doe v. DHS",
      end_condition: "until the motion is decided",
      sources: "S03",
      order_url: "http://127.0.0.1:3000/orders/hixson-order",
    });
    expect(byAccount["@Other"]).toMatchObject({ order: "", coverage_status: "none" });
    const page = parseHtml((await app.inject("/subpoenas/dhs-meta")).body);
    expect(page("a[href$='coverage.csv']").attr("href")).toBe("/subpoenas/dhs-meta/coverage.csv");
    expect((await app.inject("/subpoenas/nope/coverage.csv")).statusCode).toBe(404);
  });
});
