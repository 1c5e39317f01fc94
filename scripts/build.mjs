#!/usr/bin/env node
// Compiles the `quash` command (and with it the server) ahead of time into dist/, so a command
// starts without compiling TypeScript on every call. `npm install` and `npm ci` run this
// through the `prepare` script; bin/quash.js runs it again when a source file changed since.
//
// Usage: node scripts/build.mjs        (writes dist/)
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST_DIR = join(PROJECT_ROOT, "dist");
export const ENTRY = "server/cli/main.ts";
const MANIFEST = "manifest.json";
const ENTRY_OUTPUT = "main.js";

// Files that change what the build produces without being bundled themselves.
const BUILD_INPUTS = ["scripts/build.mjs", "package.json", "tsconfig.json"];

/**
 * Whether dist/ was built from the sources as they are now: `{ entry }`, the compiled entry
 * point, or `{ stale }`, the reason it must be rebuilt. A build is fresh when every file it was
 * built from has the size and modification time it had then: an edit, a new import (which edits
 * a file), `git checkout` or a deleted file all make it stale. Costs one stat per source file.
 */
export function checkBuild(outdir = DIST_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outdir, MANIFEST), "utf8"));
  } catch {
    return { stale: "dist/ has not been built" };
  }
  for (const [file, recorded] of Object.entries(manifest.inputs ?? {})) {
    const now = fileStamp(join(PROJECT_ROOT, file));
    if (!now) return { stale: `${file} was deleted` };
    if (now.size !== recorded.size || now.mtimeMs !== recorded.mtimeMs) return { stale: `${file} changed` };
  }
  const entry = join(outdir, manifest.entry ?? ENTRY_OUTPUT);
  return existsSync(entry) ? { entry } : { stale: `${relative(PROJECT_ROOT, entry)} is missing` };
}

/**
 * Bundles the CLI with esbuild: one ES module per lazily loaded command (code splitting keeps
 * `quash deadline` from loading Fastify), packages left to node_modules. Returns the entry file.
 */
export async function build({ outdir = DIST_DIR } = {}) {
  const esbuild = await import("esbuild");
  // Stamp the inputs before reading them, so an edit made during the build leaves it stale.
  const stampsBefore = new Map();
  const result = await esbuild.build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { main: ENTRY },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    chunkNames: "[name]-[hash]",
    write: false,
    metafile: true,
    logLevel: "warning",
    banner: { js: sourceLocationHelpers(outdir) },
    plugins: [sourceLocationsPlugin(stampsBefore)],
  });

  mkdirSync(outdir, { recursive: true });
  const written = new Set([MANIFEST]);
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    written.add(relative(outdir, file.path));
  }
  // Chunks of an earlier build are named by their old hashes; nothing loads them any more.
  for (const name of readdirSync(outdir)) {
    if (!written.has(name) && !name.endsWith(".tmp")) rmSync(join(outdir, name), { force: true, recursive: true });
  }

  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...BUILD_INPUTS]) {
    const path = file.split("/").join(sep);
    inputs[file] = stampsBefore.get(path) ?? fileStamp(join(PROJECT_ROOT, path));
  }
  const manifest = { entry: ENTRY_OUTPUT, builtAt: new Date().toISOString(), inputs };
  writeAtomically(join(outdir, MANIFEST), JSON.stringify(manifest, null, 1));
  return join(outdir, ENTRY_OUTPUT);
}

/**
 * The bundle replaces many source files, but three of them find files beside themselves through
 * `import.meta` (db/client.ts its migrations, the views and assets plugins views/ and public/).
 * In a bundle `import.meta` would be dist/'s, so each use is rewritten to the source file's own
 * location, computed at run time from dist/'s: the same paths as under tsx or vitest, wherever
 * the checkout lives, and the migrations, templates and stylesheets are read from where they are
 * edited (nothing is copied, so nothing can go stale).
 */
function sourceLocationsPlugin(stampsBefore) {
  return {
    name: "source-locations",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        stampsBefore.set(relative(PROJECT_ROOT, args.path), fileStamp(args.path));
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta")) return { contents: source, loader: "ts" };
        const file = relative(PROJECT_ROOT, args.path).split(sep).join("/");
        const dir = dirname(file);
        const contents = source
          .replaceAll("import.meta.url", `__quashSourceUrl(${JSON.stringify(file)})`)
          .replaceAll("import.meta.filename", `__quashSourcePath(${JSON.stringify(file)})`)
          .replaceAll("import.meta.dirname", `__quashSourcePath(${JSON.stringify(dir)})`);
        return { contents, loader: "ts" };
      });
    },
  };
}

/** Defined at the top of every output file; the project root is found from the file's own URL. */
function sourceLocationHelpers(outdir) {
  const rootFromOutput = relative(outdir, PROJECT_ROOT).split(sep).join("/");
  return [
    `const __quashRoot = new URL(${JSON.stringify(rootFromOutput ? `${rootFromOutput}/` : "./")}, import.meta.url);`,
    `const __quashSourceUrl = (file) => new URL(file, __quashRoot).href;`,
    `const __quashSourcePath = (file) => process.getBuiltinModule("node:url").fileURLToPath(new URL(file, __quashRoot)).replace(/[\\\\/]$/, "");`,
  ].join("\n");
}

function fileStamp(path) {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

// Another `quash` may be starting from dist/ while this one rebuilds it: it reads either the
// old file or the new one, never half of one.
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await build();
  console.log(`Built dist/ from ${ENTRY} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
