import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import { expectAccessible, launchBrowser } from "../support/browser";
import { serveTestApp } from "../support/browser-app";
import { createTestDb } from "../support/db";
import { insertCase, insertSubpoena } from "../support/factories";

// The API's documentation in a real browser: Swagger UI must work under the site's own CSP.
describe("API documentation in a real browser", { timeout: 90_000 }, () => {
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    const db: Db = createTestDb();
    insertCase(db, { slug: "doe-v-dhs" });
    insertSubpoena(db, { slug: "dhs-to-meta" });
    ({ app, base } = await serveTestApp(db));
  });
  afterAll(async () => app?.close());

  it("renders Swagger UI's operations with no content-security-policy violation", async () => {
    const { context, close } = await launchBrowser({ bypassCSP: false });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${base}/api/docs/`);
      await page.locator(".opblock").first().waitFor({ timeout: 30_000 });
      // A long document is a virtualised list: Swagger UI renders only the operations near the
      // viewport, so the page is scrolled down until the one checked last has been drawn.
      const operations = new Set<string>();
      for (let step = 0; step < 80 && !operations.has("/api/v1/timeline"); step++) {
        for (const path of await page.locator(".opblock-summary-path").allTextContents()) operations.add(path);
        await page.mouse.wheel(0, 1200);
        await page.waitForTimeout(100);
      }
      expect([...operations]).toContain("/api/v1/cases/{slug}");
      expect([...operations]).toContain("/api/v1/timeline");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("serves /api as an accessible page that works without JavaScript", async () => {
    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      await page.route("**/*.js", (route) => route.abort());
      await page.goto(`${base}/api`);
      expect(await page.locator("h1").count()).toBe(1);
      expect(await page.locator("article.api-operation").count()).toBeGreaterThanOrEqual(10);
      await expectAccessible(page, "/api");
    } finally {
      await close();
    }
  });
});
