import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createSeededDb } from "../seeds/support";
import { expectAccessible } from "../support/browser";
import { openAppInBrowser, type BrowserSession } from "../support/browser-app";

// The comparison and the pattern on the bundled record, as a seminar would open them.
describe("the comparison and pattern pages in a real browser", { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser(createSeededDb());
    ({ base, page } = session);
  });
  afterAll(async () => session?.close());

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it("sorts the comparison by a column heading and filters it with the form, staying accessible", async () => {
    await page.goto(`${base}/compare`);
    await expectAccessible(page, "/compare");
    const rows = page.locator("table.compare-table tbody tr");
    const all = await rows.count();
    expect(all).toBeGreaterThanOrEqual(6);

    await page.locator("th a.sort-link", { hasText: "Days to outcome" }).click();
    await page.waitForURL(/sort=days/);
    expect(await page.locator("th[aria-sort=ascending]").innerText()).toContain("Days to outcome");
    // The shortest challenge first: the Google subpoena withdrawn three days after the motion.
    expect(await rows.first().locator("td").last().innerText()).toMatch(/^3 days/);

    await page.locator("#compare-platform").selectOption({ label: "Meta" });
    await page.locator("form.filters button[type=submit]").click();
    await page.waitForURL(/platform=meta/);
    expect(page.url()).toContain("sort=days");
    const meta = await rows.count();
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(all);
    for (const cell of await page.locator("table.compare-table tbody tr td:nth-child(2)").allInnerTexts()) expect(cell).toContain("Meta");
    await expectAccessible(page, page.url());
  });

  it("shows the pattern's chart, its table and the median, accessible, and readable on a phone", async () => {
    await page.goto(`${base}/patterns`);
    await expectAccessible(page, "/patterns");
    const chart = page.locator("figure.pattern-chart svg[role=img]");
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(await page.locator("g.chart-row").count()).toBe(await page.locator("table.pattern-summary tbody tr").count());
    expect(await page.locator("p.figure").innerText()).toMatch(/Median: between [\d.]+ and [\d.]+ days.*n = \d+/s);

    await page.setViewportSize({ width: 390, height: 800 });
    for (const url of ["/patterns", "/compare"]) {
      await page.goto(`${base}${url}`);
      expect(await overflow(), url).toBeLessThanOrEqual(1);
      await expectAccessible(page, `${url} at 390 px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
