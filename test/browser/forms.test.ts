import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Db } from "../../db/client";
import { createSeededDb } from "../seeds/support";
import { insertUser } from "../support/auth";
import { expectAccessible } from "../support/browser";
import { openAppInBrowser, signInInBrowser, type BrowserSession } from "../support/browser-app";

// The staff forms in a real browser, on the bundled record: keyboard flow, focus, and axe.
describe("staff forms in a real browser", { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let db: Db;
  let base: string;
  let page: Page;
  let slug: string;

  beforeAll(async () => {
    db = createSeededDb();
    await insertUser(db, { role: "editor", email: "clerk@example.org" });
    slug = (db.$client.prepare("SELECT slug FROM cases WHERE deleted_at IS NULL ORDER BY id LIMIT 1").get() as { slug: string }).slug;
    session = await openAppInBrowser(db);
    ({ base, page } = session);
    await signInInBrowser(page, base, "clerk@example.org");
  });
  afterAll(async () => session?.close());

  it("types a run of entries from the keyboard: the number has focus, Enter in the date field saves, the form comes back empty", async () => {
    await page.goto(`${base}/staff/cases/${slug}/entries/new`);
    await expectAccessible(page, "quick entry form");
    for (const [number, text] of [
      ["9001", "NOTICE of appearance by counsel for J. Doe"],
      ["9002", "ORDER setting hearing"],
    ] as const) {
      // Chromium applies autofocus on its next rendering step, which a busy machine can delay.
      await page.waitForFunction(() => document.activeElement?.id === "f-number", undefined, { timeout: 10_000 });
      await page.keyboard.type(number);
      await page.fill("#f-description", text);
      await page.focus("#f-dateFiled");
      await page.keyboard.type("2026-11-20");
      await page.keyboard.press("Enter");
      // The form comes back at the same address, so wait for this save's confirmation, not a URL
      // the page already has (the second pass would read the first save's page).
      await page.locator("#flash", { hasText: `ECF No. ${number}, filed Friday, November 20, 2026` }).waitFor({ timeout: 10_000 });
      await expect(page.inputValue("#f-number")).resolves.toBe("");
    }
    const kinds = db.$client.prepare("SELECT number, kind FROM docket_entries WHERE number IN (9001, 9002) ORDER BY number").all();
    expect(kinds).toEqual([
      { number: 9001, kind: "notice" },
      { number: 9002, kind: "order" },
    ]);
  });

  it("shows a bad field beside its input, with an accessible summary", async () => {
    await page.goto(`${base}/staff/cases/${slug}/entries/new`);
    await page.fill("#f-dateFiled", "2026-02-30");
    await page.fill("#f-description", "MOTION to Quash");
    await page.click("form.record-form button[type=submit]");
    await expect(page.locator("#f-dateFiled-error").textContent()).resolves.toBe("Date filed must be a real date in YYYY-MM-DD form");
    await expect(page.inputValue("#f-description")).resolves.toBe("MOTION to Quash");
    await expectAccessible(page, "form with errors");
  });

  it("keeps the staff pages and the staff docket accessible", async () => {
    const order = db.$client.prepare("SELECT o.id FROM orders o JOIN cases c ON c.id = o.case_id WHERE c.slug = ? LIMIT 1").get(slug) as
      { id: number } | undefined;
    const pages = [
      `/cases/${slug}`,
      `/staff/cases/${slug}`,
      "/staff/subpoenas/new",
      `/staff/cases/${slug}/motions/new`,
      "/staff/events/new",
    ];
    if (order) pages.push(`/staff/cases/${slug}/orders/${order.id}/edit`);
    for (const url of pages) {
      await page.goto(`${base}${url}`);
      expect(await page.locator("h1").count(), url).toBe(1);
      await expectAccessible(page, url);
    }
  });
});
