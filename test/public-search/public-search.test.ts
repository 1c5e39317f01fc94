import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { eventLinks } from "../../db/schema";
import { toMatchQuery } from "../../server/public-search/query";
import { searchPublicRecord } from "../../server/public-search/loaders";
import { rebuildPublicSearch } from "../../server/records/public-search-index";
import { createRecordStore } from "../../server/records/store";
import { testClock } from "../support/db";
import { buildTestApp } from "../support/app";
import { createUser, signIn } from "../support/auth";
import { insertCase, insertEntry, insertEvent, insertOrder, insertSubpoena } from "../support/factories";
import { parseHtml } from "../support/html";

const actor = { userId: null, label: "test" };

describe("the public search's query language", () => {
  it("reads words, phrases, exclusions and prefixes into FTS5 strings nothing can escape", () => {
    expect(toMatchQuery("quash")).toBe('("quash")');
    expect(toMatchQuery('"motion to quash" -certificate')).toBe('("motion to quash") NOT "certificate"');
    expect(toMatchQuery("subpoen* Meta")).toBe('("subpoen"* "Meta")');
    expect(toMatchQuery("§ 1509")).toBe('("1509")');
    expect(toMatchQuery('NEAR(a b) or "x""y"')).toBe('("NEAR(a" "b)" "or" "x" "y")');
    expect(toMatchQuery("declaration OR jury -sealed")).toBe('(("declaration" OR "jury")) NOT "sealed"');
    expect(toMatchQuery("meta OR google subpoena")).toBe('(("meta" OR "google") "subpoena")');
    expect(toMatchQuery("  ")).toBeNull();
  });

  it("refuses what it cannot read, saying why", () => {
    expect(() => toMatchQuery('"unclosed')).toThrow(/quotation mark is not closed/);
    expect(() => toMatchQuery("-only")).toThrow(/not only what to leave out/);
    expect(() => toMatchQuery("a*b")).toThrow(/goes at the end of a word/);
    expect(() => toMatchQuery("x".repeat(501))).toThrow(/at most 500/);
    expect(() => toMatchQuery("~~~ OR")).toThrow(/has none/);
  });
});

describe("public search", () => {
  let app: FastifyInstance;
  let db: Db;
  let kase: { id: number; slug: string };

  beforeEach(async () => {
    ({ app, db } = await buildTestApp());
    kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. DHS" });
  });
  afterEach(async () => app.close());

  const page = (query: string) => app.inject({ url: `/search?${query}` });
  const api = (query: string) => app.inject({ url: `/api/v1/search?${query}` });

  it("ranks an order above a certificate of service that says the same words, with marked snippets and permalinks", async () => {
    insertEntry(db, kase.id, {
      number: 7,
      kind: "other",
      description: "CERTIFICATE OF SERVICE of the motion to quash the summons upon counsel",
    });
    insertEntry(db, kase.id, { number: 9, kind: "order", description: "ORDER granting motion to quash the summons" });
    const res = await api("q=quash%20summons");
    expect(res.statusCode).toBe(200);
    const hits = res.json().data as { kind: string; title: string; url: string; snippet: { text: string; mark: boolean }[] }[];
    expect(hits.map((h) => h.title)).toEqual(["ECF No. 9", "ECF No. 7"]);
    expect(hits[0]!.url).toMatch(/\/cases\/doe-v-dhs\/entries\/\d+$/);
    expect(hits[0]!.snippet.filter((run) => run.mark).map((run) => run.text.toLowerCase())).toEqual(["quash", "summons"]);

    const html = await page("q=quash");
    const $ = parseHtml(html.body);
    expect($("li.search-result").length).toBe(2);
    expect($("li.search-result mark").first().text().toLowerCase()).toBe("quash");
    expect($("header form[role=search] input[name=q]").length).toBe(1);
    // "Alert me" opens the subscribe form with the search as its saved query.
    const alertHref = $("a:contains('Alert me')").attr("href")!;
    expect(alertHref).toBe("/alerts?query=quash");
    const form = parseHtml((await app.inject(alertHref)).body);
    expect(form("input[name=query]").attr("value")).toBe("quash");
  });

  it("filters by kind, entry kind, case and date range", async () => {
    const other = insertCase(db, { slug: "other-case", caption: "Roe v. DHS" });
    insertEntry(db, kase.id, { kind: "motion", dateFiled: "2025-09-18", description: "Motion to quash subpoena" });
    insertEntry(db, other.id, { kind: "order", dateFiled: "2025-11-02", description: "Order on the subpoena" });
    insertSubpoena(db, { title: "Administrative subpoena to Meta", summary: "subpoena under 8 U.S.C. § 1225" });
    const kinds = async (query: string) => ((await api(query)).json().data as { kind: string }[]).map((h) => h.kind).sort();
    expect(await kinds("q=subpoena")).toEqual(["entry", "entry", "subpoena"]);
    expect(await kinds("q=subpoena&kind=subpoena")).toEqual(["subpoena"]);
    expect(await kinds("q=subpoena&entry_kind=order")).toEqual(["entry"]);
    expect(await kinds("q=subpoena&case=doe-v-dhs")).toEqual(["entry"]);
    expect(await kinds("q=subpoena&kind=entry&date__gte=2025-10-01")).toEqual(["entry"]);
    expect(await kinds("q=1225")).toEqual(["subpoena"]);
    // The case scope token the index keeps (c<id>) is never matched by what a person types.
    expect(await kinds(`q=c${kase.id}`)).toEqual([]);
  });

  it("gives each hit its snippet from the ranking's own pass: the same under a case filter, never the case's scope token", () => {
    const other = insertCase(db, { slug: "other-case", caption: "Roe v. DHS" });
    insertEntry(db, kase.id, { number: 3, description: "DECLARATION of counsel in support of the motion to quash" });
    insertEntry(db, kase.id, { number: 4, shortDescription: "Declarations", description: "Exhibits A to C" });
    insertEntry(db, other.id, { number: 5, description: "Second declaration of the operator" });
    const all = searchPublicRecord(db, "declar*", {})!;
    const inCase = searchPublicRecord(db, "declar*", { caseId: kase.id })!;
    expect(all.results).toHaveLength(3);
    expect(inCase.results).toEqual(all.results.filter((result) => result.case?.slug === kase.slug));
    const marked = (result: (typeof inCase.results)[number]) => result.snippet.filter((run) => run.mark).map((run) => run.text);
    expect(inCase.results.map(marked).sort()).toEqual([["DECLARATION"], ["Declarations"]]);
    expect(JSON.stringify(inCase.results)).not.toContain(`c${kase.id}`);
    // A page shorter than asked for is the whole count; a full one is counted.
    expect([inCase.total, inCase.capped]).toEqual([2, false]);
    expect(searchPublicRecord(db, "declar*", {}, 1)).toMatchObject({ total: 3, capped: false });
    expect(searchPublicRecord(db, "declar*", {}, 1)!.results).toEqual(all.results.slice(0, 1));
  });

  it("pages the API's hits by rank, each page ranking only the hits it needs, as one long page gives them", async () => {
    for (let n = 1; n <= 7; n++) insertEntry(db, kase.id, { number: n, description: `Pangolin declaration ${"pangolin ".repeat(n)}` });
    const ids = (body: { data: { id: number }[] }) => body.data.map((hit) => hit.id);
    const whole = ids((await api("q=pangolin&page_size=100")).json());
    expect(whole).toHaveLength(7);
    const path = (link: string) => {
      const url = new URL(link);
      return url.pathname + url.search;
    };
    const pages: number[][] = [];
    let body = (await api("q=pangolin&page_size=3")).json();
    pages.push(ids(body));
    while (body.next) {
      body = (await app.inject(path(body.next))).json();
      pages.push(ids(body));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(whole);
    expect(ids((await app.inject(path(body.previous))).json())).toEqual(pages[1]);
    // A filter only the list applies (kind__in) ranks every hit and pages them alike.
    expect(ids((await api("q=pangolin&page_size=3&kind__in=entry,order")).json())).toEqual(pages[0]);
    expect((await api("q=pangolin&cursor=bm90LWEtY3Vyc29y")).statusCode).toBe(400);
  });

  it("answers a query it cannot read with 400 and the reason, on the page and in the API", async () => {
    const res = await page("q=%22unclosed");
    expect(res.statusCode).toBe(400);
    expect(parseHtml(res.body)("#public-search-error").text()).toMatch(/quotation mark is not closed/);
    const json = await api("q=-only");
    expect(json.statusCode).toBe(400);
    expect(JSON.stringify(json.json())).toMatch(/not only what to leave out/);
    expect((await api("foo=bar")).statusCode).toBe(400);
  });

  it("never finds sealed text, an unpublished case or a deleted record, which the staff search does find", async () => {
    const hidden = insertCase(db, { slug: "unpublished", caption: "Hidden caption zanzibar", published: false });
    insertEntry(db, hidden.id, { description: "zanzibar in an unpublished case" });
    insertEntry(db, kase.id, { sealed: true, description: "SEALED zanzibar declaration naming the operator" });
    const deleted = insertOrder(db, kase.id, { title: "Order on zanzibar, since deleted" });
    const store = createRecordStore(db, testClock);
    store.remove("order", deleted.id, { actor });
    expect((await api("q=zanzibar")).json().data).toEqual([]);
    expect(searchPublicRecord(db, "zanzibar", {})!.results).toEqual([]);

    await createUser(app, { email: "viewer@example.org", role: "viewer" });
    const cookie = await signIn(app, "viewer@example.org");
    const staff = await app.inject({ url: "/staff/search?q=zanzibar", headers: { cookie } });
    expect(parseHtml(staff.body)("li.search-result").length).toBeGreaterThan(0);
  });

  it("follows holds, sealing after the fact and publishing in the write's own transaction", async () => {
    // Text the guard holds back (an SSN) is not indexed while it is held.
    insertEntry(db, kase.id, { description: "Declaration of the operator, SSN 123-45-6789, about wombat" });
    expect(searchPublicRecord(db, "wombat", {})!.results).toHaveLength(0);
    const entry = insertEntry(db, kase.id, { description: "Declaration of the operator about quokka" });
    expect(searchPublicRecord(db, "quokka", {})!.results).toHaveLength(1);
    const store = createRecordStore(db, testClock);
    store.update("entry", entry.id, { sealed: true }, { actor });
    expect(searchPublicRecord(db, "quokka", {})!.results).toHaveLength(0);
    store.update("entry", entry.id, { sealed: false }, { actor });
    store.update("case", kase.id, { published: false }, { actor });
    expect(searchPublicRecord(db, "quokka", {})!.results).toHaveLength(0);
    store.update("case", kase.id, { published: true }, { actor });
    expect(searchPublicRecord(db, "quokka", {})!.results).toHaveLength(1);
    // An event linked to (not owned by) a case leaves the index with it.
    const event = insertEvent(db, { title: "Hearing on the quokka motion", date: "2025-10-01" });
    db.insert(eventLinks)
      .values({ eventId: event.id, recordType: "case", recordId: String(kase.id) })
      .run();
    store.update("event", event.id, { description: "linked" }, { actor });
    expect(searchPublicRecord(db, "quokka", { kind: "event" })!.results).toHaveLength(1);
    store.update("case", kase.id, { published: false }, { actor });
    expect(searchPublicRecord(db, "quokka", { kind: "event" })!.results).toHaveLength(0);
    store.update("case", kase.id, { published: true }, { actor });
    insertOrder(db, kase.id, { title: "Order about the quokka" });
    rebuildPublicSearch(db, testClock.now());
    expect(
      searchPublicRecord(db, "quokka", {})!
        .results.map((r) => r.kind)
        .sort(),
    ).toEqual(["entry", "event", "order"]);
  });
});
