/**
 * How long `quash` takes to start, compiled ahead of time (dist/, what `npx quash` and
 * `npm start` run) against the same TypeScript run through tsx (what they ran before, and what
 * bin/quash.js falls back to), in the same run: a plain command, an import dry run of a PACER
 * docket, and the server from start to its first answer. Each is timed from spawning the process;
 * bare Node starting an empty script is the floor under all of them. Passes alternate between
 * the two ways and the quickest of each counts (a shared machine only ever slows a pass down);
 * tsx's own cache of compiled files is warm after the first pass, so its figures are its best.
 *
 *   npm run bench:startup [-- --passes N]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, checkBuild } from "../scripts/build.mjs";
import { sharedPath } from "../test/support/shared";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURE = sharedPath("fixtures", "pacer", "district", "cand.html");
export const DEFAULT_PASSES = 5;
/** What the issues ask for: a plain command under 1.5 s through npx, the server under 2 s. */
export const TARGETS_MS = { command: 1500, server: 2000 };

type Way = { name: string; command: string[] };
const COMPILED: Way = { name: "compiled", command: [process.execPath, "bin/quash.js"] };
const TSX: Way = { name: "tsx", command: [process.execPath, "--import", "tsx", "server/cli/main.ts"] };
const NPX: Way = { name: "npx", command: ["npx", "--no-install", "quash"] };

type Scenario = { name: string; args: string[]; serves?: boolean };

export type StartupRow = { scenario: string; compiledMs: number; tsxMs: number };
export type StartupBenchResult = {
  passes: number;
  bareNodeMs: number;
  rows: StartupRow[];
  npxHelpMs: number;
  npmStartMs: number;
  loadAverage: number[];
};

/** Spawns the command and resolves with the milliseconds until it exited successfully. */
function timeExit(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) =>
      code === 0 ? done(performance.now() - started) : fail(new Error(`${command.join(" ")} exited ${code}: ${stderr}`)),
    );
  });
}

/** Spawns a server and resolves with the milliseconds until its overview page answered 200. */
async function timeFirstAnswer(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((done) => child.on("close", () => done()));
  try {
    const base = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no start line within 60 s:\n${output}`)), 60_000);
      child.once("close", (code) => fail(new Error(`${command.join(" ")} exited ${code}:\n${output}`)));
      child.stdout.on("data", () => {
        const address = /serving .* at (http:\/\/\S+)/.exec(output)?.[1];
        if (address) {
          clearTimeout(timer);
          done(address.replace("localhost", "127.0.0.1"));
        }
      });
    });
    const page = await fetch(`${base}/`);
    await page.arrayBuffer();
    if (page.status !== 200) throw new Error(`${base}/ answered ${page.status}`);
    return performance.now() - started;
  } finally {
    // npm start runs the server in a child of npm: stop the whole group this bench started.
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  }
}

export async function runStartupBench(options: { passes?: number; print?: boolean } = {}): Promise<StartupBenchResult> {
  const passes = options.passes ?? DEFAULT_PASSES;
  if (checkBuild().stale) await build();
  const scratch = mkdtempSync(join(tmpdir(), "quash-bench-startup-"));
  const env = {
    ...process.env,
    DATABASE_FILE: join(scratch, "quash.db"),
    DATA_DIR: join(scratch, "data"),
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
  };
  try {
    // The bundled record in the database the import previews against and the server serves.
    await timeExit([...COMPILED.command, "db", "seed"], env);
    const scenarios: Scenario[] = [
      { name: "quash help", args: ["help"] },
      { name: "quash deadline (14 days)", args: ["deadline", "--trigger", "2026-01-05", "--days", "14", "--dir", "after"] },
      { name: "quash import --dry-run cand.html", args: ["import", "--dry-run", FIXTURE] },
      { name: "quash serve → first answer", args: ["serve"], serves: true },
    ];
    const best = new Map<string, number>();
    const keep = (key: string, ms: number) => best.set(key, Math.min(best.get(key) ?? Number.POSITIVE_INFINITY, ms));
    for (let pass = 0; pass < passes; pass++) {
      keep("bare", await timeExit([process.execPath, "-e", ""], env));
      for (const scenario of scenarios) {
        // Alternate which way goes first, so neither always runs on the other's warmed caches.
        const ways = pass % 2 === 0 ? [COMPILED, TSX] : [TSX, COMPILED];
        for (const way of ways) {
          const command = [...way.command, ...scenario.args];
          keep(`${scenario.name}/${way.name}`, scenario.serves ? await timeFirstAnswer(command, env) : await timeExit(command, env));
        }
      }
      keep("npx help", await timeExit([...NPX.command, "help"], env));
      keep("npm start", await timeFirstAnswer(["npm", "start", "--silent"], env));
    }
    const result: StartupBenchResult = {
      passes,
      bareNodeMs: best.get("bare")!,
      rows: scenarios.map((s) => ({ scenario: s.name, compiledMs: best.get(`${s.name}/compiled`)!, tsxMs: best.get(`${s.name}/tsx`)! })),
      npxHelpMs: best.get("npx help")!,
      npmStartMs: best.get("npm start")!,
      loadAverage: loadavg(),
    };
    if (options.print !== false) printStartupBench(result);
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function printStartupBench(r: StartupBenchResult): void {
  const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);
  const verdict = (n: number, target: number) =>
    n <= target ? `(target ≤ ${target / 1000} s met)` : `(above the ${target / 1000} s target)`;
  const lines = [
    `Start-up: quickest of ${r.passes} alternating passes, from spawning the process; bare Node (empty script) ${r.bareNodeMs.toFixed(0)} ms`,
    `  ${"command".padEnd(34)} compiled      tsx   tsx ÷ compiled`,
    ...r.rows.map(
      (row) => `  ${row.scenario.padEnd(34)} ${ms(row.compiledMs)} ${ms(row.tsxMs)}   ${(row.tsxMs / row.compiledMs).toFixed(1)}×`,
    ),
    `  npx quash help (compiled)          ${ms(r.npxHelpMs)} ${verdict(r.npxHelpMs, TARGETS_MS.command)}`,
    `  npm start → first answer           ${ms(r.npmStartMs)} ${verdict(r.npmStartMs, TARGETS_MS.server)}`,
    `  load average                       ${r.loadAverage.map((n) => n.toFixed(2)).join(", ")} (1, 5, 15 min; the machine is shared)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function passesFromArgs(argv: string[]): number | undefined {
  const at = argv.indexOf("--passes");
  if (at === -1) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error("--passes takes a positive whole number");
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStartupBench({ passes: passesFromArgs(process.argv) });
}
