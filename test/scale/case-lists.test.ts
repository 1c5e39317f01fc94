import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generatedSlug, generateRecord } from "../../bench/generate-record";
import { caseSubpoenas } from "../../db/schema";
import { insertSubpoena } from "../support/factories";
import { buildTestApp } from "../support/app";
import { testClock } from "../support/db";
import { parseHtml } from "../support/html";
import { planOf, recordQueries, type RecordedQuery } from "../support/query-plans";
import { paths } from "../../server/paths";

/*
 * The case lists of a record of 250 cases: the page and the API list are cut in SQL, a hundred
 * cases a time, and say so; the API's keyset pages give the same cases in the same order as
 * the list sorted in memory (a filter that every case passes takes that path).
 */
describe("case lists of 250 cases", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    generateRecord(db, { cases: 250, entries: 2_500, bigCase: 10, now: testClock.now() });
  }, 60_000);
  afterAll(async () => app.close());

  it("shows 100 cases a page with links to the others, binding no list of every case", async () => {
    const { result, queries } = await recordQueries(db, () => app.inject("/cases"));
    const $ = parseHtml(result.body);
    expect($("ul.card-list > li")).toHaveLength(100);
    expect($("nav[aria-label='Pages of cases']").text()).toContain("Page 1 of 3");
    expect($("a[rel=next]").attr("href")).toBe("/cases?page=2");
    expect(Math.max(...queries.map((q) => q.params.length))).toBeLessThan(150);
    const last = parseHtml((await app.inject("/cases?page=3")).body);
    expect(last("ul.card-list > li")).toHaveLength(50);
    expect(last("a[rel=prev]").attr("href")).toBe("/cases?page=2");
    expect(last("a[rel=next]")).toHaveLength(0);
  });

  it("builds a subpoena's page from the cases it names, not a summary of every case", async () => {
    const subpoena = insertSubpoena(db, { slug: "generated-subpoena", title: "A subpoena one generated case challenges" });
    const challenger = db.$client.prepare("SELECT id, label FROM cases WHERE slug = ?").get(generatedSlug(5)) as {
      id: number;
      label: string;
    };
    db.insert(caseSubpoenas).values({ caseId: challenger.id, subpoenaId: subpoena.id }).run();
    app.pageCache.clear();
    const { result, queries } = await recordQueries(db, () => app.inject("/subpoenas/generated-subpoena"));
    expect(result.statusCode).toBe(200);
    expect(parseHtml(result.body)(`a[href="${paths.case(generatedSlug(5))}"]`).length).toBeGreaterThan(0);
    const everyCase = queries.filter((q) => /^select [^()]* from "cases" where/.test(q.sql) && !/"cases"."(id|slug)" (in|=)/.test(q.sql));
    expect(everyCase.map((q) => q.sql.slice(0, 200))).toEqual([]);
    db.$client.prepare("DELETE FROM case_subpoenas WHERE subpoena_id = ?").run(subpoena.id);
  });

  it("pages the API list by keyset in SQL, in the order the in-memory list gives", async () => {
    const walk = async (first: string) => {
      const slugs: string[] = [];
      let url: string | null = first;
      let last: { previous: string | null } | undefined;
      while (url) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
        const body = res.json() as { data: { slug: string }[]; next: string | null; previous: string | null };
        slugs.push(...body.data.map((c) => c.slug));
        last = body;
        url = body.next ? new URL(body.next).pathname + new URL(body.next).search : null;
      }
      return { slugs, last: last! };
    };
    const sql = await walk("/api/v1/cases?page_size=100");
    const memory = await walk("/api/v1/cases?page_size=100&group=related");
    expect(sql.slugs).toHaveLength(250);
    expect(new Set(sql.slugs).size).toBe(250);
    expect(sql.slugs).toEqual(memory.slugs);
    const back = (await app.inject(new URL(sql.last.previous!).pathname + new URL(sql.last.previous!).search)).json() as {
      data: { slug: string }[];
    };
    expect(back.data.map((c) => c.slug)).toEqual(sql.slugs.slice(100, 200));
    expect((await app.inject("/api/v1/cases?cursor=WzFd")).statusCode).toBe(400);
  });

  it("reads a page of either list walking its index, and the hidden cases from theirs, never every case", async () => {
    /** The plan steps of a request's statements that read `cases` whole (a bare SCAN: no index, or an index walked for nothing). */
    const plans = async (url: string) => {
      app.pageCache.clear();
      const { result, queries } = await recordQueries(db, () => app.inject(url));
      expect(result.statusCode, url).toBe(200);
      return queries.filter((q) => /^\s*select/i.test(q.sql)).map((q: RecordedQuery) => ({ sql: q.sql, steps: planOf(db, q) }));
    };
    const bareScans = (statements: { sql: string; steps: string[] }[]) =>
      statements.flatMap(({ sql, steps }) =>
        steps.filter((step) => /^SCAN cases$/.test(step)).map((step) => ({ sql: sql.slice(0, 200), step })),
      );
    const walks = (statements: { steps: string[] }[], index: string) =>
      statements.filter(({ steps }) => steps.includes(`SCAN cases USING INDEX ${index}`)).length;

    for (const url of ["/cases", "/cases?page=3"]) {
      const statements = await plans(url);
      expect(walks(statements, "cases_list_idx"), url).toBe(1);
      // The page's count of public cases is the one statement that still reads them all.
      expect(
        bareScans(statements).map((s) => s.sql.slice(0, 22)),
        url,
      ).toEqual(['select count(*) from "cases"'.slice(0, 22)]);
    }
    const first = (await app.inject("/api/v1/cases?page_size=100")).json() as { next: string };
    const second = new URL(first.next).pathname + new URL(first.next).search;
    const back = (await app.inject(second)).json() as { previous: string };
    for (const url of ["/api/v1/cases?page_size=100", second, new URL(back.previous).pathname + new URL(back.previous).search]) {
      const statements = await plans(url);
      expect(walks(statements, "cases_api_list_idx"), url).toBeGreaterThanOrEqual(1);
      expect(bareScans(statements), url).toEqual([]);
    }
    // Whether an event or its links name a hidden case: the unpublished and sealed ones from cases_hidden_idx, the held from their holds.
    const timeline = await plans("/timeline");
    expect(walks(timeline, "cases_hidden_idx")).toBeGreaterThan(0);
    // (The orders' count walks the public cases for their orders by design: server/orders/repository.ts count.)
    expect(bareScans(timeline).filter((s) => !s.sql.startsWith('select count(*) from "orders"'))).toEqual([]);
  });

  it("filters and orders the API list on every case's outline, reading sources for the page's cases only", async () => {
    const url = "/api/v1/cases?order_by=-caption&page_size=10";
    app.pageCache.clear();
    const { result, queries } = await recordQueries(db, () => app.inject(url));
    const body = result.json() as { data: { slug: string; caption: string | null; label: string }[]; next: string };
    expect(body.data).toHaveLength(10);
    const names = body.data.map((c) => c.caption ?? c.label);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "en")));
    // The citations and conflicts are asked for the ten cases shown, not the 250.
    const sourceReads = queries.filter((q) => /from "(fact_sources|conflict_records)"/.test(q.sql));
    expect(sourceReads.length).toBeGreaterThan(0);
    expect(Math.max(...sourceReads.map((q) => q.params.length))).toBeLessThan(40);
    // Its next page follows on, as the list sorted whole would have it.
    const next = (await app.inject(new URL(body.next).pathname + new URL(body.next).search)).json() as { data: { slug: string }[] };
    const whole = (await app.inject("/api/v1/cases?order_by=-caption&page_size=20")).json() as { data: { slug: string }[] };
    expect([...body.data, ...next.data].map((c) => c.slug)).toEqual(whole.data.map((c) => c.slug));
  });

  it("summarises only a judge's own cases on the judge's page", async () => {
    const judgeId = Number(
      db.$client
        .prepare(
          "INSERT INTO judges (slug, name, title, created_at, updated_at) VALUES ('generated-judge', 'Generated judge', 'Magistrate Judge', ?, ?)",
        )
        .run(testClock.now(), testClock.now()).lastInsertRowid,
    );
    db.$client
      .prepare("UPDATE cases SET assigned_judge_id = ? WHERE slug IN ('generated-case-0001', 'generated-case-0002', 'generated-case-0250')")
      .run(judgeId);
    app.pageCache.clear();
    const { result, queries } = await recordQueries(db, () => app.inject(paths.judge("generated-judge")));
    expect(result.statusCode).toBe(200);
    const $ = parseHtml(result.body);
    expect(
      $("a[href^='/cases/generated-case-']")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/cases/generated-case-0001", "/cases/generated-case-0002", "/cases/generated-case-0250"]);
    // The summaries' lookups name the judge's three cases, never the record's 250.
    expect(Math.max(...queries.map((q) => q.params.length))).toBeLessThan(50);
  });
});
