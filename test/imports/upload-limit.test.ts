import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { DEFAULT_MAX_UPLOAD_BYTES, loadConfig } from "../../server/config";
import { importSizeLimit } from "../../server/imports/input";
import { sizeText } from "../../server/shared/bytes";
import { buildTestApp } from "../support/app";
import { insertUser, signIn } from "../support/auth";
import { insertCase, insertEntry } from "../support/factories";
import { parseHtml } from "../support/html";

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

/*
 * First-reader friction (issue 16.8): the import page said "up to 10, 10 MB each" while the
 * README and docs/staff.md said 20 MB. One limit, MAX_UPLOAD_BYTES, read from the configuration
 * and stated the same way everywhere.
 */
describe("one upload limit, stated the same everywhere", () => {
  let app: FastifyInstance;
  afterEach(async () => app?.close());

  async function pages(maxUploadBytes?: number) {
    const built = await buildTestApp({ config: maxUploadBytes ? { maxUploadBytes } : {} });
    app = built.app;
    await insertUser(built.db, { email: "editor@example.org", role: "editor" });
    const cookie = await signIn(app, "editor@example.org");
    const caseId = insertCase(built.db, { slug: "doe" }).id;
    const entry = insertEntry(built.db, caseId, { number: 1 });
    const importPage = parseHtml((await app.inject({ url: "/staff/import", headers: { cookie } })).body);
    const documentsPage = parseHtml(
      (await app.inject({ url: `/staff/cases/doe/entries/${entry.id}/documents`, headers: { cookie } })).body,
    );
    return { importLabel: importPage('label[for="import-files"]').text(), documentsText: documentsPage("main").text() };
  }

  it("the default is 20 MB for a form, an upload and each import file, and the README, docs/staff.md and the imports README say so", async () => {
    expect(loadConfig({}).maxUploadBytes).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    expect(importSizeLimit()).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    expect(sizeText(DEFAULT_MAX_UPLOAD_BYTES)).toBe("20 MB");
    expect(read("README.md")).toContain(`| \`MAX_UPLOAD_BYTES\` | \`${DEFAULT_MAX_UPLOAD_BYTES}\` (20 MB) |`);
    expect(read("docs/staff.md")).toContain("`MAX_UPLOAD_BYTES`, 20 MB by default");
    expect(read("server/imports/README.md")).toContain("**20 MB** unless configured");
    for (const doc of ["README.md", "docs/staff.md", "server/imports/README.md"]) expect(read(doc), doc).not.toMatch(/\b10 MB\b|20 MiB/);
    const { importLabel, documentsText } = await pages();
    expect(importLabel).toBe("Files (up to 10, 20 MB each)");
    expect(documentsText).toContain("PDF only, up to 20 MB.");
  });

  it("a configured limit is the one every page states and every refusal names", async () => {
    const { importLabel, documentsText } = await pages(5 * 1024 * 1024);
    expect(importLabel).toBe("Files (up to 10, 5 MB each)");
    expect(documentsText).toContain("PDF only, up to 5 MB.");
    expect(importSizeLimit(app.config.maxUploadBytes)).toBe(5 * 1024 * 1024);
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: String(300 * 1024 * 1024) })).toThrow(/MAX_UPLOAD_BYTES/);
  });
});
