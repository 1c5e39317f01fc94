import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/*
 * Starting, talking to and killing a real server process (test/support/server-child.ts), for
 * the tests that prove what survives a crash.
 */

const CHILD_SOURCE = fileURLToPath(new URL("./server-child.ts", import.meta.url));
const ROOT = resolve(dirname(CHILD_SOURCE), "../..");

/**
 * Each module keeps the location it has in the source tree, so that what it finds next to
 * itself (db/migrations, views/, public/) is found from the bundle too.
 */
export const keepModuleLocations: Plugin = {
  name: "keep-module-locations",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: "ts" };
    });
  },
};

let bundled: Promise<string> | undefined;

/**
 * The server compiled once into one JavaScript file (packages stay in node_modules). A start
 * then costs Node's own loading, about a second of CPU here, instead of tsx compiling and
 * resolving some 300 TypeScript modules in every child (2.5 s each): twenty restarts afford it.
 */
function bundleServer(): Promise<string> {
  bundled ??= (async () => {
    const outfile = resolve(ROOT, ".test-results", `server-child-${process.pid}.mjs`);
    await build({
      entryPoints: [CHILD_SOURCE],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile,
      plugins: [keepModuleLocations],
      logLevel: "warning",
    });
    process.once("exit", () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

export type ChildServer = {
  process: ChildProcessWithoutNullStreams;
  /** Opens the database and listens; resolves with the base URL once it serves. */
  start(): Promise<string>;
  /** SIGKILL: no shutdown, no checkpoint, nothing flushed by the server. */
  kill(): Promise<void>;
  /** SIGTERM and wait: the server's own clean stop. */
  stop(): Promise<void>;
  output(): string;
};

/** Spawns a server that loads its code now and opens DATABASE_FILE when started. */
export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, [await bundleServer()], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", JOB_RUNNER: "off", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const waitFor = (pattern: RegExp, what: string, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`the server did not ${what} within ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(out);
        if (match) done(null, match);
      };
      const onExit = () => done(new Error(`the server exited before it could ${what}:\n${out}`));
      function done(error: Error | null, match?: RegExpExecArray) {
        clearTimeout(timer);
        child.stdout.off("data", check);
        child.off("exit", onExit);
        if (error) reject(error);
        else resolve(match!);
      }
      child.stdout.on("data", check);
      child.once("exit", onExit);
      check();
    });
  const ready = waitFor(/^ready$/m, "load", 180_000);

  return {
    process: child,
    async start() {
      await ready;
      child.stdin.write("start\n");
      const match = await waitFor(/serving .* at (http:\/\/[\d.]+:\d+)/, "listen", 120_000);
      return match[1]!;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    output: () => out,
  };
}

export type JsonAnswer = { status: number; body: unknown };

/** One JSON request over a real socket; rejects when the connection breaks (the server died). */
export function requestJson(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method,
        agent,
        headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: kept as text for the failure message.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
