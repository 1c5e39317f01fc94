import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createSeededDb } from "../seeds/support";
import { seriousViolations } from "../support/browser";
import { openAppInBrowser, type BrowserSession } from "../support/browser-app";
import { expand, getRoutes, type ParamValues } from "../support/public-routes";

/*
 * axe (with WCAG 2.2's target-size on) over one page of every kind the public can open, read
 * from Fastify's route table so a page kind added later is checked without editing this file:
 * every GET route answering HTML to the public, its parameters filled from the bundled record.
 */
describe("every public page kind passes axe, target size included", { timeout: 240_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser(createSeededDb());
    page = session.page;
  });
  afterAll(async () => session?.close());

  it("has no serious or critical violation on any of them", async () => {
    const app = session!.app;
    const json = async (url: string) => (await app.inject(url)).json();
    const cases = (await json("/api/v1/cases")).data as { slug: string }[];
    const record = (await json(`/api/v1/cases/${cases[0]!.slug}`)).data as { entries: { id?: number }[] };
    const values: ParamValues = {
      "cases/:slug": [cases[0]!.slug],
      "subpoenas/:slug": [((await json("/api/v1/subpoenas")).data as { slug: string }[])[0]!.slug],
      "judges/:slug": [((await json("/api/v1/judges")).data as { slug: string }[])[0]!.slug],
      "entries/:entryId": [String(record.entries.find((e) => e.id)!.id)],
      "sources/:tag": ["S01"],
    };
    const urls: string[] = [];
    for (const route of getRoutes(app)) {
      if (/^\/(api\/|staff|admin|assets|health)/.test(route) || route.includes("*")) continue;
      const { urls: expanded, guessed } = expand(route, values);
      if (guessed) continue;
      const res = await app.inject(expanded[0]!);
      if (res.statusCode === 200 && String(res.headers["content-type"]).startsWith("text/html")) urls.push(expanded[0]!);
    }
    urls.push("/api");
    const found: string[] = [];
    for (const url of [...new Set(urls)]) {
      await page.goto(`${session!.base}${url}`);
      for (const v of await seriousViolations(page))
        found.push(`${url}: ${v.id} (${v.impact}) ×${v.nodes.length} ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    console.log(`axe over ${new Set(urls).size} page kinds: ${found.length} serious or critical violation(s)\n${found.join("\n")}`);
    expect(urls.length).toBeGreaterThanOrEqual(12);
    expect(found).toEqual([]);
  });
});
