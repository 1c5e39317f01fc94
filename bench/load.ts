import { spawn, spawnSync } from "node:child_process";
import autocannon from "autocannon";

export type LoadResult = { tool: "wrk" | "autocannon"; requestsPerSecond: number; p99Ms: number; errors: number };

function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"], { encoding: "utf8" }).error === undefined;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : n;
}

/**
 * wrk drives a large page much harder than autocannon's client (which caps near 4k req/s).
 * It runs as a child process without blocking: the servers under test share this event loop.
 */
async function runWrk(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const child = spawn("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", url]);
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (!rps || !p99) throw new Error(`could not read wrk's output:\n${out}`);
  return { tool: "wrk", requestsPerSecond: Number(rps[1]), p99Ms: toMs(p99[1]!, p99[2]!), errors: errors ? Number(errors[1]) : 0 };
}

async function runAutocannon(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({ url, duration: seconds, connections });
  return {
    tool: "autocannon",
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

export async function measureLoad(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = hasWrk() ? await runWrk(url, seconds, connections) : await runAutocannon(url, seconds, connections);
  if (result.errors > 0) throw new Error(`${url}: ${result.errors} failed responses under load`);
  return result;
}
