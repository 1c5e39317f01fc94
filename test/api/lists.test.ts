import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { insertEvent } from "../support/factories";

/*
 * The lists of the API after CourtListener's REST v4, over the bundled record: cursor pages
 * with next/previous, field filters with __in and date ranges, order_by, fields/omit, a 400
 * naming any parameter a list does not take, and ETag/304 and gzip as on a case's record.
 */
type Page = { data: Record<string, unknown>[]; count: number; next: string | null; previous: string | null };

describe("API lists: pages, filters, ordering and member selection", () => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    db = createSeededDb();
    ({ app } = await buildTestApp({ db }));
  });
  afterAll(async () => app.close());

  const get = async (url: string) => {
    const res = await app.inject(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as Page;
  };
  const local = (link: string) => new URL(link).pathname + new URL(link).search;

  /** Every item of a list by following `next` from its first page. */
  async function walk(first: string): Promise<{ slugs: string[]; pages: Page[] }> {
    const pages: Page[] = [];
    let url: string | null = first;
    while (url) {
      const page = await get(url);
      pages.push(page);
      url = page.next ? local(page.next) : null;
    }
    return { slugs: pages.flatMap((p) => p.data.map((i) => String(i["slug"]))), pages };
  }

  it("pages every list with next and previous links, and the pages add up to the whole list", async () => {
    for (const list of ["/api/v1/cases", "/api/v1/subpoenas", "/api/v1/judges", "/api/v1/timeline", "/api/v1/orders", "/api/v1/sources"]) {
      const whole = await walk(list);
      expect(whole.pages[0]!.previous, list).toBeNull();
      const { slugs, pages } = await walk(`${list}?page_size=3`);
      expect(slugs, list).toEqual(whole.slugs);
      expect(new Set(slugs).size, list).toBe(slugs.length);
      if (pages.length > 1) {
        expect(pages[0]!.count).toBe(3);
        // The second page's previous link leads back to the first page.
        const back = await get(local(pages[1]!.previous!));
        expect(back.data).toEqual(pages[0]!.data);
        expect(pages.at(-1)!.next).toBeNull();
      }
    }
    expect((await get("/api/v1/timeline")).data.length).toBeGreaterThan(3);
  });

  it("pages by key, not offset: an item added before the cursor is neither repeated nor makes one skipped", async () => {
    const first = await get("/api/v1/timeline?page_size=5");
    const expected = await get(local(first.next!));
    insertEvent(db, { slug: "added-meanwhile", kind: "other", title: "Added meanwhile", date: "1999-01-01" });
    app.pageCache.clear(); // the factory writes past the record store, so the cache is told by hand
    const second = await get(local(first.next!));
    expect(second.data.map((i) => i["slug"])).toEqual(expected.data.map((i) => i["slug"]));
    expect((await get("/api/v1/timeline?page_size=1")).data[0]!["slug"]).toBe("event-added-meanwhile");
  });

  it("caps page_size and says so", async () => {
    const res = await app.inject("/api/v1/cases?page_size=101");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "page_size", message: "must be a whole number from 1 to 100" }]);
    expect((await app.inject("/api/v1/cases?cursor=not-a-cursor")).json().errors[0].path).toBe("cursor");
  });

  it("refuses any parameter a list does not take, naming it", async () => {
    for (const [url, name] of [
      ["/api/v1/cases?foo=bar", "foo"],
      ["/api/v1/timeline?limit=5", "limit"],
      ["/api/v1/subpoenas?sort=title", "sort"],
      ["/api/v1/cases/no-such-case?fields=slug", "fields"],
      ["/api/v1/judges?offset=10", "offset"],
      ["/api/v1?x=1", "x"],
    ] as const) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        url,
      ).toEqual([name]);
      expect(res.json().detail, url).toContain(`"${name}"`);
    }
  });

  it("filters by field, by several values with __in, and by date ranges", async () => {
    const cases = (await get("/api/v1/cases")).data as {
      slug: string;
      court: { id: string } | null;
      dateFiled: { date: string | null };
      group: string;
    }[];
    const court = cases.find((c) => c.court)!.court!.id;
    expect((await get(`/api/v1/cases?court=${court}`)).data.map((c) => c["slug"])).toEqual(
      cases.filter((c) => c.court?.id === court).map((c) => c.slug),
    );
    const groups = [...new Set(cases.map((c) => c.group))];
    expect((await get(`/api/v1/cases?group__in=${groups.join(",")}`)).data).toHaveLength(cases.length);

    const timeline = (await get("/api/v1/timeline")).data as { slug: string; date: { date: string | null }; kind: string }[];
    const inRange = (d: string | null) => d !== null && d >= "2025-10-01" && d <= "2025-12-31";
    const ranged = await get("/api/v1/timeline?date__gte=2025-10-01&date__lte=2025-12-31");
    expect(ranged.data.map((i) => i["slug"])).toEqual(timeline.filter((t) => inRange(t.date.date)).map((t) => t.slug));
    expect(ranged.data.length).toBeGreaterThan(0);
    const kinds = [...new Set(timeline.map((t) => t.kind))].slice(0, 2);
    expect((await get(`/api/v1/timeline?kind__in=${kinds.join(",")}`)).data.map((i) => i["slug"])).toEqual(
      timeline.filter((t) => kinds.includes(t.kind)).map((t) => t.slug),
    );

    const bad = await app.inject("/api/v1/timeline?kind__in=filing,nonsense");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: "kind__in" });
    expect((await app.inject("/api/v1/timeline?date__gte=2025-02-30")).json().errors[0]).toMatchObject({
      path: "date__gte",
      message: "must be a calendar day, YYYY-MM-DD",
    });
  });

  it("orders by a field, descending with -, and a cursor keeps to the order it was given for", async () => {
    const ascending = (await walk("/api/v1/timeline?order_by=date&page_size=4")).slugs;
    const descending = (await walk("/api/v1/timeline?order_by=-date&page_size=4")).slugs;
    const dated = (await get("/api/v1/timeline?order_by=date")).data as { date: { date: string | null } }[];
    const days = dated.map((d) => d.date.date).filter((d): d is string => d !== null);
    expect(days).toEqual([...days].sort());
    expect(new Set(descending)).toEqual(new Set(ascending));
    expect(descending[0]).not.toBe(ascending[0]);
    const page = await get("/api/v1/timeline?order_by=date&page_size=2");
    const cursor = new URL(page.next!).searchParams.get("cursor")!;
    const mixed = await app.inject(`/api/v1/timeline?order_by=-date&cursor=${cursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors[0].path).toBe("cursor");
    expect((await app.inject("/api/v1/cases?order_by=colour")).json().errors[0].path).toBe("order_by");
  });

  it("answers with only the members asked for (fields) or all but some (omit)", async () => {
    const slim = await get("/api/v1/cases?fields=slug,docketNumber");
    for (const item of slim.data) expect(Object.keys(item)).toEqual(["slug", "docketNumber"]);
    const without = await get("/api/v1/subpoenas?omit=sources,conflicts");
    for (const item of without.data) {
      expect(item).not.toHaveProperty("sources");
      expect(item).toHaveProperty("status");
    }
    const wrong = await app.inject("/api/v1/cases?fields=slug,colour");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: "fields" });
    expect(wrong.json().errors[0].message).toContain('"colour"');
  });

  it("gives lists an ETag (304 when unchanged) and gzip, as a case's record has", async () => {
    const first = await app.inject({ url: "/api/v1/orders?page_size=2", headers: { "accept-encoding": "gzip" } });
    expect(first.headers["content-encoding"]).toBe("gzip");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    expect(JSON.parse(gunzipSync(first.rawPayload).toString("utf8")).data).toHaveLength(2);
    const again = await app.inject({ url: "/api/v1/orders?page_size=2", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });
});
