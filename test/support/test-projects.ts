import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Which test files never load the app. A test file belongs to the `unit` project when no import
 * it makes, followed through every project file it reaches (static and `import()` alike), leads
 * to `server/app.ts`; every other file is in the `app` project. Decided from the imports rather
 * than from names or folders, so a new test lands in the right project without anyone choosing,
 * and a pure test that later starts building the app moves to the `app` project by itself.
 *
 * The scan reads relative import specifiers with a pattern, not a parser: an import it cannot
 * see would have to be computed at run time, which this codebase does not do, and a string
 * that merely looks like an import (in a comment, or a type-only import) can only move a file
 * to the `app` project, where it still runs, never the other way.
 */
const APP_MODULE = "server/app.ts";
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

export type TestProjects = { withoutApp: string[]; withApp: string[] };

export function testFilesByApp(root: string, testDir = "test"): TestProjects {
  const files = readdirSync(join(root, testDir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => `${testDir}/${file.split("\\").join("/")}`)
    .sort();

  // Every project file the tests reach, with the files that import it.
  const importers = new Map<string, Set<string>>();
  const queue = [...files];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const match of readFileSync(join(root, file), "utf8").matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(root, file, match[1]!);
      if (!target) continue;
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target)!.add(file);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }

  // Walk back from the app to everything that imports it, directly or not.
  const loadsApp = new Set<string>();
  const back = [APP_MODULE];
  while (back.length > 0) {
    for (const importer of importers.get(back.pop()!) ?? []) {
      if (!loadsApp.has(importer)) {
        loadsApp.add(importer);
        back.push(importer);
      }
    }
  }
  return { withApp: files.filter((file) => loadsApp.has(file)), withoutApp: files.filter((file) => !loadsApp.has(file)) };
}

/** The project file a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveImport(root: string, from: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [`${base}.ts`, join(base, "index.ts"), base.replace(/\.m?js$/, ".ts"), base];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split("\\").join("/");
  }
  return undefined;
}
