import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { openDatabase, type Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig } from "../../server/config";
import { createUser, TEST_PASSWORD } from "../support/auth";
import { launchBrowser, seriousViolations } from "../support/browser";
import { testClock } from "../support/db";
import { insertCase, insertEntry, insertSubpoena } from "../support/factories";
import { minimalPdf, tempDataDir } from "../documents/support";

const SCREENSHOTS = process.env.QUASH_SCREENSHOTS; // a folder, to look at the pages by eye

// The staff pages of this feature in Chromium: they work by plain form posts (no script) and pass axe.
describe("history, deleted records, documents and search in a real browser", { timeout: 120_000 }, () => {
  let app: FastifyInstance;
  let db: Db;
  let base: string;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let entryId: number;

  beforeAll(async () => {
    db = openDatabase(":memory:");
    app = await buildApp({ config: testConfig({ dataDir: tempDataDir() }), db, clock: testClock });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    await createUser(app, { email: "editor@example.org", role: "editor" });
    const kase = insertCase(db, { slug: "doe-v-dhs", caption: "Doe v. Department of Homeland Security" });
    const actor = { userId: null, label: "editor@example.org" };
    const entry = insertEntry(db, kase.id, { number: 1, description: "MOTION to Quash Administrative Subpoena issued to Meta Platforms, Inc. by J. Doe" });
    entryId = entry.id;
    app.editing.update("entry", entry.id, { description: "MOTION to Quash Administrative Subpoena and Customs Summons issued to Meta Platforms, Inc. by J. Doe and R. Roe", kind: "motion" }, { actor, reason: "full text from the NEF" });
    app.editing.remove("subpoena", insertSubpoena(db, { title: "Duplicate summons" }).id, { actor, reason: "entered twice" });
    ({ context, close: closeBrowser } = await launchBrowser());
    page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill("#login-email", "editor@example.org");
    await page.fill("#login-password", TEST_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/staff`);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.close();
  });

  async function check(name: string) {
    expect(await page.locator("h1").count()).toBe(1);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    const violations = await seriousViolations(page);
    expect(violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }

  it("restores an earlier version from the history page", async () => {
    await page.goto(`${base}/staff/history/entry/${entryId}`);
    await check("history");
    await page.locator("form.revert-form").first().locator("input[name=reason]").fill("the NEF text was wrong");
    await page.locator("form.revert-form button").first().click();
    await page.waitForURL(`${base}/staff/history/entry/${entryId}`);
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
    await page.setInputFiles("#document-file", { name: "declaration.pdf", mimeType: "application/pdf", buffer: minimalPdf(["The account documents ICE operations in Long Beach"]) });
    await page.click("form[enctype] button[type=submit]");
    await page.waitForURL(/attached=\d+/);
    await check("documents");
    await page.goto(`${base}/staff/search?q=${encodeURIComponent("Long Beach operations")}`);
    await check("search");
    expect(await page.locator("li.search-result mark").allTextContents()).toEqual(["operations", "Long", "Beach"]);
  });
});
