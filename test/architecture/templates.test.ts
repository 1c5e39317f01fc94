import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every template in views/ is used, and every template the code names exists: a page template by
 * its path in server code ("cases/show.hbs"), a partial by a `{{> name}}` in some template.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const VIEWS = join(ROOT, "views");

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, ext) : entry.name.endsWith(ext) ? [path] : [];
  });
}

const templates = filesUnder(VIEWS, ".hbs").map((file) => relative(VIEWS, file));
const serverCode = filesUnder(join(ROOT, "server"), ".ts")
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
const templateText = templates.map((t) => readFileSync(join(VIEWS, t), "utf8")).join("\n");
const named = [...serverCode.matchAll(/["'`]([a-z0-9-]+\/[a-z0-9-]+\.hbs)["'`]/g)].map((m) => m[1]!);

describe("views/", () => {
  it("has no page template the code never renders", () => {
    const pages = templates.filter((t) => !t.startsWith("partials/"));
    expect(pages.filter((t) => !named.includes(t))).toEqual([]);
  });

  it("has no partial no template includes", () => {
    const partials = templates.filter((t) => t.startsWith("partials/")).map((t) => t.slice("partials/".length, -".hbs".length));
    const used = (name: string) => new RegExp(`\\{\\{#?>\\s*${name.replace(/[-/]/g, "\\$&")}(\\s|\\}\\})`).test(templateText);
    expect(partials.filter((name) => !used(name))).toEqual([]);
  });

  it("has every template the code names", () => {
    expect([...new Set(named)].filter((t) => !existsSync(join(VIEWS, t)))).toEqual([]);
  });
});
