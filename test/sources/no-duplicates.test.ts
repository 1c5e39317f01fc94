import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { CheerioAPI } from "cheerio";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { parseHtml } from "../support/html";

/*
 * Issue 16.2: one fact–source link or conflict appears once per record, whatever path it
 * arrives by (seed step, field link, record link). Checked over every API record of the
 * bundled record and over its pages.
 */
describe("no fact–source link or conflict twice on a record", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

  /** Every `sources` and `conflicts` list in an answer, wherever it sits, with where. */
  function findDuplicates(value: unknown, where: string, found: string[]) {
    if (Array.isArray(value)) return value.forEach((v, i) => findDuplicates(v, `${where}[${i}]`, found));
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record["sources"])) {
      for (const d of duplicates((record["sources"] as { tag: string; field: string | null }[]).map((s) => `${s.tag} (field ${s.field})`)))
        found.push(`${where}: source ${d}`);
    }
    if (Array.isArray(record["conflicts"]) && where.includes("data")) {
      for (const d of duplicates(
        (record["conflicts"] as { code: string; field?: string | null }[]).map((c) => `${c.code} (field ${c.field})`),
      ))
        found.push(`${where}: conflict ${d}`);
    }
    for (const [key, v] of Object.entries(record)) findDuplicates(v, `${where}.${key}`, found);
  }

  it("in every API record", async () => {
    const found: string[] = [];
    let records = 0;
    for (const list of ["cases", "subpoenas", "judges"]) {
      for (const item of (await app.inject(`/api/v1/${list}`)).json().data as { url: string }[]) {
        findDuplicates((await app.inject(new URL(item.url).pathname)).json(), item.url, found);
        records++;
      }
    }
    for (const list of ["orders", "timeline", "sources"]) {
      let url: string | null = `/api/v1/${list}`;
      while (url) {
        const page = (await app.inject(url)).json() as { next: string | null };
        findDuplicates(page, url, found);
        url = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
      }
    }
    expect(records).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });

  /** Tags in each run of adjacent source markers (one fact's), and codes in each "Sources disagree" box. */
  function pageDuplicates($: CheerioAPI, url: string): string[] {
    const found: string[] = [];
    $("*").each((_, el) => {
      let run: string[] = [];
      const flush = () => {
        for (const d of duplicates(run)) found.push(`${url}: source ${d} twice beside one fact`);
        run = [];
      };
      for (const node of $(el).contents().toArray()) {
        if (node.type === "text" && !$(node).text().trim()) continue;
        if (node.type === "tag" && node.name === "sup" && $(node).hasClass("src")) run.push($(node).text().trim());
        else flush();
      }
      flush();
    });
    $(".conflict-note").each((_, note) => {
      const codes = $(note)
        .find("li > a")
        .map((_, a) => $(a).text().trim())
        .get();
      for (const d of duplicates(codes)) found.push(`${url}: conflict ${d} twice in one box`);
    });
    return found;
  }

  it("on every page of the bundled record", async () => {
    const urls = ["/", "/subpoenas", "/cases", "/judges", "/orders", "/timeline", "/sources", "/calendar"];
    for (const list of ["cases", "subpoenas", "judges"]) {
      for (const item of (await app.inject(`/api/v1/${list}`)).json().data as { htmlUrl: string }[])
        urls.push(new URL(item.htmlUrl).pathname);
    }
    const found: string[] = [];
    for (const url of urls) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      found.push(...pageDuplicates(parseHtml(res.body), url));
    }
    expect(urls.length).toBeGreaterThan(25);
    expect(found).toEqual([]);
    const montco = parseHtml((await app.inject("/cases/montco-doe-v-dhs")).body);
    expect(
      montco(".case-header .conflict-note li > a")
        .map((_, a) => montco(a).text())
        .get()
        .filter((c) => c === "Q7"),
    ).toEqual(["Q7"]);
  });
});
