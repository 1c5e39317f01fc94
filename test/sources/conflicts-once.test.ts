import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { createSeededDb } from "../seeds/support";
import { parseHtml } from "../support/html";
import { conflictAnchor, conflictsOnce } from "../../server/shared/conflicts-once";
import { insertCase, insertConflict, linkConflict } from "../support/factories";

/*
 * "Sources disagree" once per page: the first place a conflict applies shows it in a box with
 * an id; every later place links to that box. The bundled record's Meta subpoena (Q4 on the
 * subpoena, its order and the order's coverage rows) printed the same box three times.
 */
describe("sources disagree once per page", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ db: createSeededDb() }));
  });
  afterAll(async () => app.close());

  async function conflictsOn(path: string) {
    const res = await app.inject(path);
    expect(res.statusCode).toBe(200);
    const $ = parseHtml(res.body);
    const boxed = $(".conflict-note li")
      .map((_, li) => $(li).find("a").first().text())
      .get();
    const links = $(".conflict-ref a")
      .map((_, a) => ({ href: $(a).attr("href")!, text: $(a).text() }))
      .get();
    const resolved = links.map((l) => $(`[id="${l.href.slice(1)}"]`).length);
    return { $, boxed, links, resolved };
  }

  it("shows Q4 once on the Meta subpoena's page, and links to it from the other two places", async () => {
    const { $, boxed, links, resolved } = await conflictsOn("/subpoenas/dhs-meta-2025-09-03");
    expect(boxed.filter((code) => code === "Q4")).toEqual(["Q4"]);
    expect($("#disagree-Q4").text()).toContain("Q4");
    const toQ4 = links.filter((l) => l.href === "#disagree-Q4");
    expect(toQ4.length).toBe(2);
    expect(toQ4[0]!.text).toBe("Sources disagree (Q4) — see above");
    expect(resolved.every((n) => n === 1)).toBe(true);
  });

  it("never boxes one conflict twice on any page of the sitemap, and every link to a box finds it", async () => {
    const sitemap = (await app.inject("/sitemap.xml")).body;
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const problems: string[] = [];
    let linked = 0;
    for (const path of paths) {
      const { boxed, links, resolved } = await conflictsOn(path);
      const twice = boxed.filter((code, i) => boxed.indexOf(code) !== i);
      if (twice.length) problems.push(`${path}: boxed twice ${twice.join(", ")}`);
      links.forEach((l, i) => {
        if (resolved[i] !== 1) problems.push(`${path}: ${l.href} finds ${resolved[i]} element(s)`);
      });
      linked += links.length;
    }
    expect(problems).toEqual([]);
    expect(linked).toBeGreaterThan(10);
  });

  it("remembers what was shown per render, not across renders", () => {
    const q4 = { code: "Q4", title: "When the order was signed", href: "/sources#conflict-Q4" };
    const page = {};
    expect(conflictsOnce(page, [q4]).fresh.map((c) => c.anchor)).toEqual(["disagree-Q4"]);
    expect(conflictsOnce(page, [q4])).toEqual({ fresh: [], seen: [{ ...q4, anchor: "disagree-Q4" }] });
    expect(conflictsOnce({}, [q4]).fresh.length).toBe(1);
  });
});

/*
 * On a list page the first item a conflict applies to holds its box and the later items link
 * to it: every link must land on exactly one box, above it, about the same conflict, whatever
 * the codes look like.
 */
describe("sources disagree once on a list page", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    let db;
    ({ app, db } = await buildTestApp());
    const shared = insertConflict(db, { code: "Q4.1", title: "When the order was signed" });
    const lookalike = insertConflict(db, { code: "Q4-1", title: "Who was served" });
    const first = insertCase(db, { slug: "first", label: "A first case", position: 1 });
    const second = insertCase(db, { slug: "second", label: "A second case", position: 2 });
    const third = insertCase(db, { slug: "third", label: "A third case", position: 3 });
    linkConflict(db, shared.id, "case", first.id);
    linkConflict(db, shared.id, "case", second.id);
    linkConflict(db, lookalike.id, "case", third.id);
    linkConflict(db, lookalike.id, "case", second.id);
  });
  afterAll(async () => app.close());

  it("links each later item to the box of the same conflict, which comes before it on the page", async () => {
    const $ = parseHtml((await app.inject("/cases")).body);
    const all = $("*");
    const links = $(".conflict-ref a");
    expect(links.length).toBe(2);
    links.each((_, a) => {
      const code = /\(([^)]+)\)/.exec($(a).text())![1]!;
      const target = $(`[id="${$(a).attr("href")!.slice(1)}"]`);
      expect(target.length, code).toBe(1);
      expect(target.closest(".conflict-note").length, code).toBe(1);
      expect(target.find("a").first().text(), code).toBe(code);
      expect(all.index(target.get(0)), code).toBeLessThan(all.index(a));
    });
    expect(
      new Set(
        $(".conflict-note li")
          .map((_, li) => $(li).attr("id"))
          .get(),
      ).size,
    ).toBe(2);
  });

  it("gives two codes two ids even when they differ only in characters an id cannot hold", () => {
    expect(conflictAnchor("Q4")).toBe("disagree-Q4");
    expect(conflictAnchor("Q4.1")).not.toBe(conflictAnchor("Q4-1"));
    expect(conflictAnchor("Q4 1")).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
