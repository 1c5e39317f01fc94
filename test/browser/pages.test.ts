import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { openDatabase } from "../../db/client";
import { seedDatabase } from "../../seeds/load";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import { launchBrowser, seriousViolations } from "../support/browser";
import { testClock } from "../support/db";

// These pages are checked on the bundled record: it is what a first-time visitor sees.
describe("in a real browser", { timeout: 90_000 }, () => {
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    const db = openDatabase(":memory:");
    seedDatabase(db, { clock: testClock });
    app = await buildApp({ config: testConfig(), db, clock: testClock });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    ({ context, close: closeBrowser } = await launchBrowser());
    page = await context.newPage();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.close();
  });

  async function expectAccessible(url: string) {
    const violations = await seriousViolations(page);
    expect(violations.map((v) => `${url}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }

  it("follows the overview to a subpoena, to a case that challenges it, to the judge", async () => {
    await page.goto(`${base}/`);
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible("/");

    // A withdrawn subpoena was challenged in court, so its page links to a case.
    await page.locator("tr[data-status=withdrawn] a[href^='/subpoenas/']").first().click();
    await page.waitForURL(/\/subpoenas\/[^/]+$/);
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page.url());

    await page.locator("main a[href^='/cases/']").first().click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await expect(page.locator("table.docket-entries, .case-header").first().isVisible()).resolves.toBe(true);
    await expectAccessible(page.url());

    const judgeLink = page.locator(".case-header a[href^='/judges/']");
    if ((await judgeLink.count()) > 0) {
      await judgeLink.first().click();
      await page.waitForURL(/\/judges\/[^/]+$/);
      await expectAccessible(page.url());
    }
  });

  it("keeps the docket page readable on a phone-sized screen", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/cases`);
    await page.locator("main a[href^='/cases/']").first().click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page.url());
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("prints the docket without navigation or filters", async () => {
    await page.goto(`${base}/cases`);
    await page.locator("main a[href^='/cases/']").first().click();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header nav").isVisible()).toBe(false);
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  it("answers a real 404 page that passes the accessibility check", async () => {
    const response = await page.goto(`${base}/cases/no-such-case`);
    expect(response?.status()).toBe(404);
    await expectAccessible("/cases/no-such-case");
  });
});
