import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, checkBuild } from "../../scripts/build.mjs";

// The rest of the suite runs the TypeScript; these run what `npm install` compiles into dist/
// (built here into a scratch directory inside the project, so the packages it leaves to
// node_modules resolve as they do from dist/), as `npx quash` and `npm start` do.
let scratch: string;
let outdir: string;
let entryUrl: string;

beforeAll(async () => {
  const cache = join(import.meta.dirname, "../../node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  scratch = mkdtempSync(join(cache, "quash-compiled-"));
  outdir = join(scratch, "dist");
  entryUrl = pathToFileURL(await build({ outdir })).href;
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts `quash ARGS` from the compiled entry; `done` resolves with its exit code and output. */
function runCompiled(args: string[], env: Record<string, string> = {}) {
  const runner = `const { main } = await import(${JSON.stringify(entryUrl)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", runner, ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, output: () => stdout };
}

describe("the compiled quash command", () => {
  it("lists every command", async () => {
    const { code, stdout } = await runCompiled(["help"]).done;
    expect(code).toBe(0);
    for (const name of ["serve", "db", "deadline", "user", "token", "import", "parse", "jobs"]) {
      expect(stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
  });

  it("computes a deadline", async () => {
    const { code, stdout, stderr } = await runCompiled(["deadline", "--trigger", "2026-01-05", "--days", "14", "--dir", "after"]).done;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).due).toBe("2026-01-20");
  });

  it("serves pages, stylesheets and a migrated, seeded database from the source tree", async () => {
    const databaseFile = join(scratch, "quash.db");
    const server = runCompiled(["serve"], { PORT: "0", HOST: "127.0.0.1", DATABASE_FILE: databaseFile, DATA_DIR: join(scratch, "data") });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line; printed: ${server.output()}`)), 30_000);
        server.child.stdout.on("data", () => {
          const found = /serving .* at (http:\/\/\S+)/.exec(server.output());
          if (found?.[1]) {
            clearTimeout(timer);
            resolve(found[1].replace("localhost", "127.0.0.1"));
          }
        });
      });
      const overview = await fetch(`${address}/`);
      expect(overview.status).toBe(200);
      expect(await overview.text()).toContain("<h1");
      const stylesheet = await fetch(`${address}/assets/site.css`);
      expect(stylesheet.status).toBe(200);
      expect(await stylesheet.text()).toBe(readFileSync(join(import.meta.dirname, "../../public/site.css"), "utf8"));
    } finally {
      server.child.kill("SIGTERM");
    }
    expect((await server.done).code).toBe(0);
  }, 60_000);
});

describe("the freshness check", () => {
  it("accepts the build it just made", () => {
    expect(checkBuild(outdir)).toEqual({ entry: join(outdir, "main.js") });
  });

  it("names the source file that changed, or disappeared, since the build", () => {
    const manifestFile = join(outdir, "manifest.json");
    const original = readFileSync(manifestFile, "utf8");
    const manifest = JSON.parse(original) as { inputs: Record<string, { size: number; mtimeMs: number }> };
    try {
      const edited = manifest.inputs["server/cli/main.ts"]!;
      writeFileSync(
        manifestFile,
        JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, "server/cli/main.ts": { ...edited, mtimeMs: edited.mtimeMs - 1 } } }),
      );
      expect(checkBuild(outdir)).toEqual({ stale: "server/cli/main.ts changed" });

      writeFileSync(manifestFile, JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, "server/gone.ts": edited } }));
      expect(checkBuild(outdir)).toEqual({ stale: "server/gone.ts was deleted" });
    } finally {
      writeFileSync(manifestFile, original);
    }
  });

  it("asks for a build where there is none", () => {
    expect(checkBuild(join(scratch, "nothing-here"))).toEqual({ stale: "dist/ has not been built" });
  });
});
