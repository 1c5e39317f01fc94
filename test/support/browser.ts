import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, with the flags this machine needs: without the background-
 * networking flags it keeps trying hosts the closed network refuses. bypassCSP lets axe-core
 * be injected despite the strict content security policy.
 */
export async function launchBrowser(
  options: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (CI's .ci/run does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), "quash-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // A test of the CSP itself passes { bypassCSP: false }.
    bypassCSP: options.bypassCSP ?? true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * Runs axe-core on the page and returns the serious and critical violations. axe leaves WCAG
 * 2.2's target-size (24 px, 2.5.8) off by default; the checks here turn it on.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { rules: { "target-size": { enabled: true } } });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Fails listing every serious or critical axe violation on the page, each line led by `where` (a URL or a page's name). */
export async function expectAccessible(page: Page, where: string) {
  const violations = await seriousViolations(page);
  expect(
    violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}
