import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "../support/browser";
import { openAppInBrowser, type BrowserSession } from "../support/browser-app";
import { createTestDb } from "../support/db";
import { seedCalendar } from "./setup";

// The calendar and the calculator in real Chromium: accessible (axe); the steps are <details> and the calculator a GET form, so neither needs a script.
describe("calendar and calculator in a real browser", { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    const db = createTestDb();
    seedCalendar(db);
    session = await openAppInBrowser(db);
    ({ base, page } = session);
  });
  afterAll(async () => session?.close());

  it("the calendar page is accessible and its steps open without JavaScript", async () => {
    await page.goto(`${base}/calendar`);
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page, "/calendar");
    const details = page.locator("details").first();
    await details.locator("summary").click();
    await expect(details.getAttribute("open")).resolves.toBe("");
  });

  it("the calculator's form submits, shows the answer, and shows an error beside the field", async () => {
    await page.goto(`${base}/deadlines/calculator`);
    await expectAccessible(page, "/deadlines/calculator");
    await page.fill("#period-trigger", "2025-09-18");
    await page.fill("#period-days", "14");
    await page.locator("section[aria-labelledby=period-heading] button[type=submit]").click();
    await page.waitForURL(/trigger=2025-09-18/);
    await expect(page.locator("#result-heading").textContent()).resolves.toBe("Due Thursday, October 2, 2025");
    await expectAccessible(page, page.url());

    await page.fill("#period-trigger", "2026-02-30");
    await page.locator("section[aria-labelledby=period-heading] button[type=submit]").click();
    await page.waitForURL(/trigger=2026-02-30/);
    await expect(page.locator("#period-trigger-error").textContent()).resolves.toBe(
      "2026-02-30 is not a real date (February 2026 has 28 days)",
    );
    await expectAccessible(page, page.url());
  });
});
