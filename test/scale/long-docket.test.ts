import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { generatedSlug, generateRecord, type GeneratedRecord } from "../../bench/generate-record";
import { buildTestApp } from "../support/app";
import { createUser, signIn } from "../support/auth";
import { testClock } from "../support/db";
import { parseHtml } from "../support/html";
import { rebuildPublicSearch } from "../../server/records/public-search-index";
import * as cheerio from "cheerio";
import { caseSubpoenas } from "../../db/schema";
import { insertSubpoena } from "../support/factories";
import { fullScans, mostBound, planOf, recordQueries, type RecordedQuery } from "../support/query-plans";

/*
 * A long docket on a generated record (bench/generate-record.ts), sized so the suite stays quick
 * but past the ~32,766 values SQLite binds in one statement: the case API used to bind every
 * open entry's id and answered 500 there. What each request asks of SQLite is compared with the
 * same request on an ordinary case of the same record, by its statements and their query plans
 * (no timings): nothing reads a whole table, no statement binds a list the data decides, and the
 * long docket takes no more statements than the short one.
 */

const BIG = 40_000;
const TABLES = ["docket_entries", "documents", "cases", "fact_sources", "publication_holds", "imports"];

describe("a docket of 40,000 entries", () => {
  let app: FastifyInstance;
  let db: Db;
  let record: GeneratedRecord;
  let staff: string;
  const small = generatedSlug(2);

  beforeAll(async () => {
    ({ app, db } = await buildTestApp());
    record = generateRecord(db, { cases: 9, entries: BIG + 8 * 500, bigCase: BIG, documentEvery: 20, now: testClock.now() });
    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    staff = await signIn(app, "viewer@example.org");
  }, 60_000);
  afterAll(async () => app.close());

  async function measured(url: string, cookie?: string) {
    const { result, queries } = await recordQueries(db, () => app.inject({ url, headers: cookie ? { cookie } : {} }));
    return { res: result, queries };
  }

  function expectBounded(queries: RecordedQuery[], label: string) {
    expect(fullScans(db, queries, TABLES), label).toEqual([]);
    // Slices of at most 250 ids (server/sources/repository.ts) and a page of 100 entries, never a list as long as the data.
    expect(mostBound(queries), label).toBeLessThanOrEqual(300);
  }

  it("serves a deep page of the docket from the index, with no more statements than a short docket's first page", async () => {
    expect(record.entries).toBe(BIG + 8 * 500);
    const deep = await measured(`/cases/${record.bigCaseSlug}?page=399`);
    expect(deep.res.statusCode).toBe(200);
    const $ = parseHtml(deep.res.body);
    const numbers = $("td.entry-number")
      .map((_, td) => $(td).text().trim())
      .get()
      .filter((n) => /^\d+$/.test(n));
    expect(numbers[0]).toBe("39801");
    expect(numbers.at(-1)).toBe("39900");
    expectBounded(deep.queries, "deep page");

    const short = await measured(`/cases/${small}?page=1`);
    expect(short.res.statusCode).toBe(200);
    // Sources are looked up 250 records a statement, so the case's 400 orders add a few; no more.
    expect(deep.queries.length).toBeLessThanOrEqual(short.queries.length * 1.5);

    // The page's ids come from an index that holds every column the filters read: SQLite never reads a skipped row.
    const paging = deep.queries.find((q) => /limit \? offset \?/i.test(q.sql))!;
    expect(planOf(db, paging).join("\n")).toMatch(
      /SEARCH docket_entries USING COVERING INDEX docket_entries_live_seq_idx \(case_id=\? AND deleted_at=\?\)/,
    );
    const filtered = await measured(`/cases/${record.bigCaseSlug}?kind=order&order=desc&page=3`);
    expect(filtered.res.statusCode).toBe(200);
    expectBounded(filtered.queries, "filtered page");
  });

  it("answers the case API with the first 100 entries and pages the rest by keyset cursor", async () => {
    const one = await measured(`/api/v1/cases/${record.bigCaseSlug}`);
    expect(one.res.statusCode).toBe(200);
    const body = one.res.json() as { data: { entries: { number: number }[]; entriesCount: number; entriesUrl: string } };
    expect(body.data.entries).toHaveLength(100);
    expect(body.data.entries[0]!.number).toBe(1);
    expect(body.data.entriesCount).toBe(BIG);
    expect(body.data.entriesUrl).toMatch(new RegExp(`/api/v1/cases/${record.bigCaseSlug}/entries$`));
    expectBounded(one.queries, "case API");
    const short = await measured(`/api/v1/cases/${small}`);
    expect(one.queries.length).toBeLessThanOrEqual(short.queries.length * 1.5);

    // Walk three pages forward and one back: no entry repeats or goes missing.
    let url = `${new URL(body.data.entriesUrl).pathname}?page_size=100&date_filed__gte=2020-01-01`;
    const seen: number[] = [];
    let previous = "";
    for (let i = 0; i < 3; i++) {
      const page = await measured(url);
      expect(page.res.statusCode, url).toBe(200);
      expectBounded(page.queries, url);
      const json = page.res.json() as { data: { number: number }[]; next: string | null; previous: string | null };
      seen.push(...json.data.map((e) => e.number));
      previous = json.previous ?? "";
      url = new URL(json.next!).pathname + new URL(json.next!).search;
    }
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const back = (await app.inject(new URL(previous).pathname + new URL(previous).search)).json() as { data: { number: number }[] };
    expect(back.data.map((e) => e.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 101));

    const orders = await app.inject(`/api/v1/cases/${record.bigCaseSlug}/entries?kind=order&page_size=5&fields=number,kind`);
    const firstOrders = db.$client
      .prepare(
        "SELECT number, kind FROM docket_entries WHERE case_id = (SELECT id FROM cases WHERE slug = ?) AND kind = 'order' ORDER BY sequence LIMIT 5",
      )
      .all(record.bigCaseSlug);
    expect(orders.json()).toMatchObject({ data: firstOrders, count: 5 });
    expect(Object.keys((orders.json() as { data: object[] }).data[0]!)).toEqual(["number", "kind"]);
    expect((await app.inject(`/api/v1/cases/${record.bigCaseSlug}/entries?limit=5`)).statusCode).toBe(400);
    expect((await app.inject(`/api/v1/cases/${record.bigCaseSlug}/entries?cursor=bm9wZQ`)).statusCode).toBe(400);
  });

  it("reads a long docket's orders by what the page shows, and says how many there are", async () => {
    // One order every 100 entries: 400 on the long docket, 5 on the short one.
    const caseId = (db.$client.prepare("SELECT id FROM cases WHERE slug = ?").get(record.bigCaseSlug) as { id: number }).id;
    const orderOf = (n: number) =>
      db.$client
        .prepare(
          "SELECT o.id, o.slug, o.title FROM orders o JOIN docket_entries e ON e.id = o.entry_id WHERE e.case_id = ? AND e.number = ?",
        )
        .get(caseId, n) as { id: number; slug: string; title: string };
    // A motion decided by an order far down the docket: its card is on the first page too, for the motion's link to it.
    const far = orderOf(30_000);
    const now = testClock.now();
    db.$client
      .prepare(
        "INSERT INTO motions (case_id, kind, title, status, decided_by_order_id, created_at, updated_at) VALUES (?, 'motion_to_quash', 'Generated motion', 'granted', ?, ?, ?)",
      )
      .run(caseId, far.id, now, now);
    // Written beside the record store, so the stored pages are dropped by hand.
    app.pageCache.clear();
    const first = await measured(`/cases/${record.bigCaseSlug}`);
    expect(first.res.statusCode).toBe(200);
    const $ = parseHtml(first.res.body);
    const cards = $("#orders-heading ~ ul.card-list > li")
      .map((_, li) => $(li).attr("id"))
      .get();
    expect(cards).toEqual([`order-${orderOf(100).slug}`, `order-${far.slug}`]);
    const note = $("#orders-heading + p");
    expect(note.text()).toContain("2 of the case's 400 orders");
    expect(note.find("a").attr("href")).toBe(`/cases/${record.bigCaseSlug}?kind=order#entries`);
    expect($(`a[href="#order-${far.slug}"]`).length).toBeGreaterThan(0);
    expectBounded(first.queries, "first page");
    // No statement reads every order of the case (the latest change is one step down orders_case_updated_idx).
    expect(
      first.queries.filter(
        (q) => /from "orders"/.test(q.sql) && !/"orders"."entry_id" in|count\(|order by "orders"."updated_at" desc limit 1/.test(q.sql),
      ),
    ).toEqual([]);

    const deep = parseHtml((await app.inject(`/cases/${record.bigCaseSlug}?page=200`)).body);
    expect(
      deep("#orders-heading ~ ul.card-list > li")
        .map((_, li) => deep(li).attr("id"))
        .get(),
    ).toEqual([`order-${orderOf(20_000).slug}`, `order-${far.slug}`]);

    // A short docket lists every order, as before, and says nothing about it.
    const short = parseHtml((await app.inject(`/cases/${small}`)).body);
    expect(short("#orders-heading ~ ul.card-list > li")).toHaveLength(5);
    expect(short("#orders-heading + p")).toHaveLength(0);

    const api = (await app.inject(`/api/v1/cases/${record.bigCaseSlug}`)).json() as {
      data: { orders: { id: number }[]; ordersCount: number; ordersUrl: string };
    };
    expect(api.data.orders.map((o) => o.id)).toEqual([orderOf(100).id, far.id]);
    expect(api.data.ordersCount).toBe(400);
    expect(api.data.ordersUrl).toMatch(new RegExp(`/api/v1/orders\\?case=${record.bigCaseSlug}$`));
    const shortApi = (await app.inject(`/api/v1/cases/${small}`)).json() as { data: { orders: object[]; ordersCount: number } };
    expect(shortApi.data.orders).toHaveLength(5);
    expect(shortApi.data.ordersCount).toBe(5);
    // The case's Atom feed dates the motion's decision by that order (test/feeds), reading no other order of the case.
    const feed = await measured(`/cases/${record.bigCaseSlug}/feed.atom`);
    expect(feed.res.statusCode).toBe(200);
    expect(feed.queries.filter((q) => /from "orders"/.test(q.sql) && !/"orders"."id" in/.test(q.sql))).toEqual([]);
    db.$client.prepare("DELETE FROM motions WHERE case_id = ? AND title = 'Generated motion'").run(caseId);
  });

  it("answers a staff search for a word in nearly every entry by joining FTS5's best hits, counting to 1,000", async () => {
    const { res, queries } = await measured("/staff/search?q=quash", staff);
    expect(res.statusCode).toBe(200);
    const $ = parseHtml(res.body);
    expect($("#results").text()).toBe("1,000+ matches, the best 50 shown");
    expect($("li.search-result")).toHaveLength(50);
    expectBounded(queries, "staff search");
    // Every statement that reads the index starts from its MATCH and reaches rows by their id from its hits, never the other way round.
    const matching = queries.filter((x) => /_fts MATCH/.test(x.sql));
    expect(matching.length).toBeGreaterThan(0);
    for (const q of matching) {
      const plan = planOf(db, q);
      expect(
        plan.some((step) => /^SCAN (docket_entries_fts|documents_fts|f) VIRTUAL TABLE/.test(step)),
        q.sql,
      ).toBe(true);
      for (const step of plan.filter((x) => /^(SCAN|SEARCH) (e|d|c|docket_entries|documents|cases)\b/.test(x)))
        expect(step, q.sql).toMatch(/USING INTEGER PRIMARY KEY/);
    }
    const rare = parseHtml(
      (
        await app.inject({
          url: `/staff/search?q=${encodeURIComponent(`"generated entry 31337 of ${record.bigCaseSlug}"`)}`,
          headers: { cookie: staff },
        })
      ).body,
    );
    expect(rare("#results").text()).toBe("1 match");
  });

  describe("searching inside it for a word in most entries", () => {
    let caseId: number;
    /** The entries a search for "quash" must find, in docket order: what the public sees of them, matched by SQL. */
    const expectedIds = (extra = "", order = "ASC") =>
      (
        db.$client
          .prepare(
            `SELECT id FROM docket_entries WHERE case_id = ? AND sealed = 0 AND deleted_at IS NULL AND description LIKE '%quash%' ${extra} ORDER BY sequence ${order}, id ${order}`,
          )
          .all(caseId) as { id: number }[]
      ).map((r) => r.id);
    const shownIds = ($: cheerio.CheerioAPI) =>
      $("table.docket-entries tbody tr")
        .map((_, tr) => Number($(tr).attr("id")!.replace("entry-", "")))
        .get();
    const readFromIndexes = (recorded: RecordedQuery[]) => {
      const searching = recorded.filter((q) => /public_search_fts MATCH/.test(q.sql) && /from "docket_entries"/.test(q.sql));
      expect(searching.length).toBeGreaterThan(0);
      for (const q of searching)
        for (const step of planOf(db, q).filter((x) => /^(SCAN|SEARCH) docket_entries\b/.test(x)))
          expect(step, q.sql).toMatch(/USING (INTEGER PRIMARY KEY|COVERING INDEX|INDEX docket_entries_case_number_idx)/);
    };

    beforeAll(() => {
      caseId = (db.$client.prepare("SELECT id FROM cases WHERE slug = ?").get(record.bigCaseSlug) as { id: number }).id;
      // The generator writes rows directly: the public index is filled from them as `quash serve` fills it.
      rebuildPublicSearch(db, testClock.now());
      app.pageCache.clear();
      expect(expectedIds().length).toBeGreaterThan(BIG / 4);
    });

    it("walks the docket's covering index to the first page, testing each entry against the index, and counts to 1,000", async () => {
      const { res, queries } = await measured(`/cases/${record.bigCaseSlug}?q=quash`);
      expect(res.statusCode).toBe(200);
      const $ = parseHtml(res.body);
      expect($("body").text()).toContain("More than 1,000 matching entries.");
      expect($("nav[aria-label='Docket pages']").text()).toContain("Page 1 of more than 10");
      expect($("a[rel=next]").attr("href")).toContain("page=2");
      expect(shownIds($)).toEqual(expectedIds().slice(0, 100));
      expectBounded(queries, "in-docket search");
      readFromIndexes(queries);
      // No statement reads every hit: the page's test looks a walked entry up among the first
      // 1,001 hits or seeks its rowid in the index, and the hits are counted only to 1,001.
      const pageRead = queries.find((q) => /public_search_fts MATCH/.test(q.sql) && /^select "id", "case_id"/.test(q.sql))!;
      expect(pageRead.sql).toMatch(/rowid BETWEEN "docket_entries"."id" \* 16/);
      // Up to the last of the first 1,001 hits, an entry is looked up in their list instead.
      expect(pageRead.sql).toMatch(/ORDER BY rowid LIMIT 1001/);
      expect(planOf(db, pageRead).join(" | ")).toMatch(/SEARCH docket_entries USING COVERING INDEX docket_entries_live_seq_idx/);
      expect(
        queries.filter((q) => /public_search_fts MATCH/.test(q.sql) && !/LIMIT @cap|ORDER BY rowid|rowid BETWEEN/.test(q.sql)),
      ).toEqual([]);
    });

    it("counts every hit and pages through them where walking would cost more, with the same entries", async () => {
      const all = expectedIds();
      const { res, queries } = await measured(`/cases/${record.bigCaseSlug}?q=quash&page=3`);
      const $ = parseHtml(res.body);
      expect($("body").text()).toContain(`${all.length.toLocaleString("en-US")} matching entries.`);
      expect($("nav[aria-label='Docket pages']").text()).toContain(`Page 3 of ${Math.ceil(all.length / 100)}`);
      expect(shownIds($)).toEqual(all.slice(200, 300));
      expectBounded(queries, "a later page of the in-docket search");
      readFromIndexes(queries);
      // The page is found by walking the covering index against the list of hits, not by looking every hit up by id.
      const pageRead = queries.find(
        (q) => /public_search_fts MATCH/.test(q.sql) && / limit \?/.test(q.sql) && /^select "id", "case_id"/.test(q.sql),
      )!;
      expect(planOf(db, pageRead).join(" | ")).toMatch(/SEARCH docket_entries USING COVERING INDEX docket_entries_live_seq_idx/);
    });

    it("finds the same entries under a kind, a date range and newest first, either way", async () => {
      const kind = (
        db.$client.prepare("SELECT kind FROM docket_entries WHERE case_id = ? GROUP BY kind ORDER BY count(*) DESC").get(caseId) as {
          kind: string;
        }
      ).kind;
      const dates = db.$client
        .prepare("SELECT min(date_filed) AS lo, max(date_filed) AS hi FROM docket_entries WHERE case_id = ?")
        .get(caseId) as {
        lo: string;
        hi: string;
      };
      // A range over the docket's middle third, so the walk starts past the docket's start.
      const day = (f: number) =>
        new Date(Date.parse(dates.lo) + f * (Date.parse(dates.hi) - Date.parse(dates.lo))).toISOString().slice(0, 10);
      const [from, to] = [day(1 / 3), day(2 / 3)];
      const cases: [string, number[]][] = [
        [`kind=${kind}`, expectedIds(`AND kind = '${kind}'`)],
        [`from=${from}&to=${to}`, expectedIds(`AND date_filed BETWEEN '${from}' AND '${to}'`)],
        ["order=desc", expectedIds("", "DESC")],
        [`kind=${kind}&order=desc&page=2`, expectedIds(`AND kind = '${kind}'`, "DESC").slice(100)],
      ];
      for (const [filters, expected] of cases) {
        const { res, queries } = await measured(`/cases/${record.bigCaseSlug}?q=quash&${filters}`);
        expect(res.statusCode, filters).toBe(200);
        const $ = parseHtml(res.body);
        expect(shownIds($), filters).toEqual(expected.slice(0, 100));
        const count = $("body")
          .text()
          .match(/(More than [\d,]+|[\d,]+) matching entries\./)![1]!;
        if (!count.startsWith("More"))
          expect(count, filters).toBe((expected.length + (filters.includes("page=2") ? 100 : 0)).toLocaleString("en-US"));
        else expect(expected.length, filters).toBeGreaterThan(100);
        expectBounded(queries, filters);
        readFromIndexes(queries);
      }
    });

    it("finds a sealed entry by its number only, and a rare phrase by its few hits, still from the indexes", async () => {
      // With a digit in it, the search also finds a sealed entry by its number, and only by that:
      // the numbers' index gives the sealed entries' ids.
      const byNumber = await measured(`/cases/${record.bigCaseSlug}?q=31350`);
      readFromIndexes(byNumber.queries);
      const sealed = parseHtml(byNumber.res.body);
      const rows = sealed("table.docket-entries tbody tr");
      expect(rows).toHaveLength(1);
      expect(rows.text()).toContain("SEALED");
      expect(rows.find("td.entry-number").text().trim()).toBe("31350");
      expect(sealed("body").text()).toContain("1 matching entry.");
      // The sealed entries' numbers come from their own partial index, not from every number of the case.
      expect(byNumber.queries.some((q) => planOf(db, q).some((step) => /COVERING INDEX docket_entries_sealed_number_idx/.test(step)))).toBe(
        true,
      );

      const phrase = await measured(`/cases/${record.bigCaseSlug}?q=${encodeURIComponent(`"generated entry 31337"`)}`);
      readFromIndexes(phrase.queries);
      const $ = parseHtml(phrase.res.body);
      const expected = (
        db.$client
          .prepare(
            "SELECT id FROM docket_entries WHERE case_id = ? AND sealed = 0 AND description LIKE '%generated entry 31337 %' ORDER BY sequence",
          )
          .all(caseId) as { id: number }[]
      ).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(shownIds($)).toEqual(expected);
      // A few hits are looked up by id: no walk of the docket's index for them.
      const pageRead = phrase.queries.find((q) => /public_search_fts MATCH/.test(q.sql) && /^select "id", "case_id"/.test(q.sql))!;
      expect(planOf(db, pageRead).join(" | ")).not.toMatch(/docket_entries_live_seq_idx/);
    });
  });

  it("gives a subpoena's Atom feed the newest entries of its cases, read case by case from each case's index", async () => {
    const subpoena = insertSubpoena(db, { slug: "generated-subpoena", title: "A subpoena challenged in two generated cases" });
    const caseIds = [generatedSlug(2), generatedSlug(3)].map(
      (slug) => (db.$client.prepare("SELECT id FROM cases WHERE slug = ?").get(slug) as { id: number }).id,
    );
    for (const caseId of caseIds) db.insert(caseSubpoenas).values({ caseId, subpoenaId: subpoena.id }).run();
    app.pageCache.clear();
    const { res, queries } = await measured("/subpoenas/generated-subpoena/feed.atom");
    expect(res.statusCode).toBe(200);
    // Each statement reading entries reads one case's, never every live entry of the record by date.
    const reading = queries.filter((q) => /from "docket_entries"/.test(q.sql));
    expect(reading.length).toBeGreaterThan(0);
    for (const q of reading)
      for (const step of planOf(db, q).filter((x) => /^(SCAN|SEARCH) docket_entries\b/.test(x))) expect(step, q.sql).toMatch(/case_id=\?/);
    // The feed's entries are the 100 newest of the two cases together (by date filed, then sequence).
    const newest = db.$client
      .prepare(
        `SELECT id, date_filed AS date FROM docket_entries WHERE case_id IN (?, ?) AND deleted_at IS NULL ORDER BY date_filed DESC, sequence DESC LIMIT 100`,
      )
      .all(...caseIds) as { id: number; date: string }[];
    const $ = cheerio.load(res.body, { xml: true });
    const shown = $("entry > id")
      .map((_, el) => $(el).text())
      .get()
      .flatMap((id) => (/\/entries\/(\d+)$/.exec(id) ? [Number(/\/entries\/(\d+)$/.exec(id)![1])] : []));
    expect(shown).toHaveLength(100);
    expect(new Set(shown)).toEqual(new Set(newest.map((e) => e.id)));
    db.$client.prepare("DELETE FROM case_subpoenas WHERE subpoena_id = ?").run(subpoena.id);
  });

  it("counts and pages around entries the publication guard holds, as it did entry by entry", async () => {
    const { app: other, db: odb } = await buildTestApp();
    try {
      const small = generateRecord(odb, { cases: 2, entries: 400, bigCase: 300, now: testClock.now() });
      const caseId = (odb.$client.prepare("SELECT id FROM cases WHERE slug = ?").get(small.bigCaseSlug) as { id: number }).id;
      const hold = odb.$client.prepare(
        "INSERT INTO publication_holds (record_type, record_id, case_id, status, findings, held_at, held_by) VALUES ('entry', ?, ?, ?, '[]', ?, 'test')",
      );
      const idOf = (n: number) =>
        (odb.$client.prepare("SELECT id FROM docket_entries WHERE case_id = ? AND number = ?").get(caseId, n) as { id: number }).id;
      // Two holds on entry 5 (held twice), one on 150, and a released one on 7 that hides nothing.
      for (const [n, status] of [
        [5, "held"],
        [5, "held"],
        [150, "held"],
        [7, "released"],
      ] as const)
        hold.run(String(idOf(n)), caseId, status, testClock.now());
      const page = parseHtml((await other.inject(`/cases/${small.bigCaseSlug}?page=2`)).body);
      expect(page("body").text()).toContain("298 entries.");
      const numbers = page("td.entry-number")
        .map((_, td) => page(td).text().trim())
        .get();
      // Page 2 starts after 100 shown entries (1–101 less entry 5) and skips 150.
      expect(numbers[0]).toBe("102");
      expect(numbers).not.toContain("150");
      expect(numbers.at(-1)).toBe("202");
      // The last page is read from the end (past the middle of the docket): the same entries as counting from the start.
      const last = parseHtml((await other.inject(`/cases/${small.bigCaseSlug}?page=3`)).body);
      const lastNumbers = last("td.entry-number")
        .map((_, td) => last(td).text().trim())
        .get();
      expect(lastNumbers).toEqual(Array.from({ length: 98 }, (_, i) => String(203 + i)));
      const newestFirst = parseHtml((await other.inject(`/cases/${small.bigCaseSlug}?order=desc&page=3`)).body);
      const descNumbers = newestFirst("td.entry-number")
        .map((_, td) => newestFirst(td).text().trim())
        .get();
      // Newest first, page 3 holds the oldest 98: 99 down to 1, without 5.
      expect(descNumbers).toEqual(Array.from({ length: 99 }, (_, i) => String(99 - i)).filter((n) => n !== "5"));
    } finally {
      await other.close();
    }
  });
});
