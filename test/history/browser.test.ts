import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Db } from "../../db/client";
import { createUser } from "../support/auth";
import { expectAccessible } from "../support/browser";
import { openAppInBrowser, signInInBrowser, type BrowserSession } from "../support/browser-app";
import { createTestDb } from "../support/db";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { minimalPdf, tempDataDir } from "../documents/support";

const SCREENSHOTS = process.env.QUASH_SCREENSHOTS; // a folder, to look at the pages by eye

// The staff pages of this feature in Chromium: they work by plain form posts (no script) and pass axe.
describe("history, deleted records, documents and search in a real browser", { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let db: Db;
  let base: string;
  let page: Page;
  let entryId: number;

  beforeAll(async () => {
    db = createTestDb();
    session = await openAppInBrowser(db, { dataDir: tempDataDir() });
    const { app } = session;
    ({ base, page } = session);
    await createUser(app, { email: "editor@example.org", role: "editor" });
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. Department of Homeland Security" });
    const actor = { userId: null, label: "editor@example.org" };
    const entry = insertEntry(db, kase.id, {
      number: 1,
      description: "MOTION to Quash Administrative Subpoena issued to Meta Platforms, Inc. by J. Doe",
    });
    entryId = entry.id;
    app.editing.update(
      "entry",
      entry.id,
      {
        description: "MOTION to Quash Administrative Subpoena and Customs Summons issued to Meta Platforms, Inc. by J. Doe and R. Roe",
        kind: "motion",
      },
      { actor, reason: "full text from the NEF" },
    );
    app.editing.remove("subpoena", insertSubpoena(db, { title: "Duplicate summons" }).id, { actor, reason: "entered twice" });
    await signInInBrowser(page, base, "editor@example.org");
  });
  afterAll(async () => session?.close());

  async function check(name: string) {
    expect(await page.locator("h1").count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    await expectAccessible(page, name);
  }

  it("restores an earlier version from the history page", async () => {
    await page.goto(`${base}/staff/history/entry/${entryId}`);
    await check("history");
    await page.locator("form.revert-form").first().locator("input[name=reason]").fill("the NEF text was wrong");
    await page.locator("form.revert-form button").first().click();
    // The restore comes back to the same address, so wait for its revision, not for the URL.
    await page.locator("ol.revision-list > li").first().filter({ hasText: "the NEF text was wrong" }).waitFor({ timeout: 10_000 });
    expect(page.url()).toBe(`${base}/staff/history/entry/${entryId}`);
    expect(await page.locator("ol.revision-list > li").count()).toBe(3);
    expect(await page.locator("ol.revision-list > li").first().textContent()).toContain("the NEF text was wrong");
  });

  it("lists and restores deleted records", async () => {
    await page.goto(`${base}/staff/deleted`);
    await check("deleted");
    await page.locator("tr.deleted-row button").first().click();
    await page.waitForURL(/\/staff\/history\/subpoena\/\d+$/);
    expect(await page.locator("ol.revision-list > li h3 .badge").first().textContent()).toBe("Restored");
  });

  it("attaches a PDF from the entry's documents page, then finds its words", async () => {
    await page.goto(`${base}/staff/cases/doe-v-dhs/entries/${entryId}/documents`);
    await page.fill("#document-description", "Declaration of J. Doe");
    await page.setInputFiles("#document-file", {
      name: "declaration.pdf",
      mimeType: "application/pdf",
      buffer: minimalPdf(["The account documents ICE operations in Long Beach"]),
    });
    await page.click("form[enctype] button[type=submit]");
    await page.waitForURL(/attached=\d+/);
    await check("documents");
    await page.goto(`${base}/staff/search?q=${encodeURIComponent("Long Beach operations")}`);
    await check("search");
    expect(await page.locator("li.search-result mark").allTextContents()).toEqual(["operations", "Long", "Beach"]);
  });
});
