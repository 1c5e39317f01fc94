import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import type { Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { testConfig, type Config } from "../../server/config";
import { TEST_PASSWORD } from "./auth";
import { launchBrowser } from "./browser";
import { testClock } from "./db";

/** The app on `db` listening on a free local port, as a browser test reaches it at `base`; close it in afterAll. */
export async function serveTestApp(db: Db, config: Partial<Config> = {}): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ config: testConfig(config), db, clock: testClock });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, base };
}

export type BrowserSession = { app: FastifyInstance; base: string; context: BrowserContext; page: Page; close: () => Promise<void> };

/**
 * The app served on `db` with one Chromium page open, for a file of browser tests that walk
 * the site in turn. `close` stops the browser, then the app.
 */
export async function openAppInBrowser(db: Db, config: Partial<Config> = {}): Promise<BrowserSession> {
  const { app, base } = await serveTestApp(db, config);
  try {
    const { context, close: closeBrowser } = await launchBrowser();
    const page = await context.newPage();
    const close = async () => {
      await closeBrowser();
      await app.close();
    };
    return { app, base, context, page, close };
  } catch (error) {
    // Chromium failed to start: the listening app would keep the test worker alive.
    await app.close();
    throw error;
  }
}

/** Signs in through the real login form, as staff do, and waits for the staff home page. */
export async function signInInBrowser(page: Page, base: string, email: string, password = TEST_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill("#login-email", email);
  await page.fill("#login-password", password);
  // The login form's own button: every page's header also has the search form's.
  await page.click("main button[type=submit]");
  await page.waitForURL(`${base}/staff`);
}
