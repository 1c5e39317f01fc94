import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createSeededDb } from "../seeds/support";
import { seriousViolations } from "../support/browser";
import { openAppInBrowser, type BrowserSession } from "../support/browser-app";

/*
 * A phone's width (390 CSS px, an iPhone 12 to 15): no public page may scroll sideways as a
 * whole. A wide table either stacks its cells with their column's name beside each, or scrolls
 * inside its own labelled, focusable region, never the page. Every permalink in the sitemap
 * is opened, plus the pages the sitemap leaves out (search, calculator).
 */
const WIDTH = 390;

/** What sticks out past the right edge: the innermost elements whose box ends beyond it, as short CSS-ish names. */
async function overflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.right <= width + 0.5 || box.width === 0) continue;
      // Inside a scroll region the overflow is the region's own, which is what it is for.
      if (el.closest("[data-scroll-region]") && !el.matches("[data-scroll-region]")) continue;
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
      culprits.push(
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} (right ${Math.round(box.right)})`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
  }, WIDTH);
}

describe(`public pages at ${WIDTH} px`, { timeout: 300_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser(createSeededDb());
    page = session.page;
    await page.setViewportSize({ width: WIDTH, height: 844 });
  });
  afterAll(async () => session?.close());

  it("no page scrolls sideways as a whole", async () => {
    const sitemap = (await session!.app.inject("/sitemap.xml")).body;
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    paths.push("/search?q=subpoena", "/search?q=%22motion+to+quash%22", "/deadlines/calculator", "/alerts", "/login");
    const found: string[] = [];
    const kindsChecked = new Set<string>();
    const inaccessible: string[] = [];
    for (const path of paths) {
      await page.goto(`${session!.base}${path}`);
      const { scrollWidth, culprits } = await overflow(page);
      if (scrollWidth > WIDTH) found.push(`${path}: scrollWidth ${scrollWidth}: ${culprits.join(", ")}`);
      // Every table's scroll region can be reached from the keyboard and is named.
      const bare = await page.$$eval(
        ".table-scroll",
        (els) =>
          els.filter(
            (e) =>
              e.getAttribute("tabindex") !== "0" ||
              e.getAttribute("role") !== "region" ||
              !(e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")),
          ).length,
      );
      if (bare) found.push(`${path}: ${bare} table scroll region(s) not focusable or not labelled`);
      // A stacked table stays inside the screen: its rows are the page's width, not the table's.
      const wide = await page.$$eval(
        ".stack-narrow",
        (els, width) => els.filter((e) => e.getBoundingClientRect().right > width + 0.5).length,
        WIDTH,
      );
      if (wide) found.push(`${path}: ${wide} stacked table(s) wider than the screen`);
      // axe at this width, once per kind of page (a case, a motion, an entry, a subpoena…).
      const kind = path.replace(/\?.*$/, "").replace(/\/[^/]+$/, "/:x");
      if (!kindsChecked.has(kind)) {
        kindsChecked.add(kind);
        for (const v of await seriousViolations(page))
          inaccessible.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    console.log(
      `${paths.length} pages at ${WIDTH} px: ${found.length} problem(s); axe over ${kindsChecked.size} kinds: ${inaccessible.length}\n${[...found, ...inaccessible].join("\n")}`,
    );
    expect(paths.length).toBeGreaterThan(60);
    expect(found).toEqual([]);
    expect(inaccessible).toEqual([]);
  });
});
