import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createSeededDb } from "../seeds/support";
import { expectAccessible } from "../support/browser";
import { openAppInBrowser, type BrowserSession } from "../support/browser-app";

// These pages are checked on the bundled record: it is what a first-time visitor sees.
describe("in a real browser", { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    session = await openAppInBrowser(createSeededDb());
    ({ base, page } = session);
  });
  afterAll(async () => session?.close());

  it("follows the overview to a subpoena, to a case that challenges it, to the judge", async () => {
    await page.goto(`${base}/`);
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page, "/");

    // A withdrawn subpoena was challenged in court, so its page links to a case.
    await page.locator("tr[data-status=withdrawn] a[href^='/subpoenas/']").first().click();
    await page.waitForURL(/\/subpoenas\/[^/]+$/);
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page, page.url());

    await page.locator("main a[href^='/cases/']").first().click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await expect(page.locator("table.docket-entries, .case-header").first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, page.url());

    const judgeLink = page.locator(".case-header a[href^='/judges/']");
    if ((await judgeLink.count()) > 0) {
      await judgeLink.first().click();
      await page.waitForURL(/\/judges\/[^/]+$/);
      await expectAccessible(page, page.url());
    }
  });

  it("searches from the header of any page and opens a result", async () => {
    await page.goto(`${base}/subpoenas`);
    await page.locator("header form[role=search] input[name=q]").fill("motion to quash");
    await page.locator("header form[role=search] button").click();
    await page.waitForURL(/\/search\?q=/);
    const results = page.locator("li.search-result");
    expect(await results.count()).toBeGreaterThan(0);
    expect(await page.locator("li.search-result mark").count()).toBeGreaterThan(0);
    await expectAccessible(page, page.url());
    const first = results.first().locator("h3 a");
    const href = (await first.getAttribute("href"))!;
    await first.click();
    await page.waitForURL((url) => url.pathname === href.split("#")[0]);
    expect(await page.locator("h1").count()).toBe(1);
  });

  it("keeps the docket page readable on a phone-sized screen", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/cases`);
    await page.locator("main a[href^='/cases/']").first().click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page, page.url());
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("prints the docket without navigation or filters", async () => {
    await page.goto(`${base}/cases`);
    await page.locator("main a[href^='/cases/']").first().click();
    await page.emulateMedia({ media: "print" });
    // Both header rows (the main one and the study one) stay off paper.
    const navs = await page.locator(".site-header nav").all();
    expect(navs.length).toBe(2);
    for (const nav of navs) expect(await nav.isVisible()).toBe(false);
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });

  it("answers a real 404 page that passes the accessibility check", async () => {
    const response = await page.goto(`${base}/cases/no-such-case`);
    expect(response?.status()).toBe(404);
    await expectAccessible(page, "/cases/no-such-case");
  });
});
