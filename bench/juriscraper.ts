/**
 * juriscraper, the reference PACER parser, timed in the same run as ours: a Python process
 * (`JURISCRAPER_PYTHON`, a Python that can `import juriscraper`) runs bench/juriscraper_pass.py,
 * reads the same fixture files once, then parses all of them each time it is asked for a pass.
 * The benchmark asks for one after each of its own passes, so the two alternate on the same
 * machine and the quickest pass of each is compared.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const PASS_SCRIPT = fileURLToPath(new URL("./juriscraper_pass.py", import.meta.url));

export type PeerFile = { path: string; court: string };

/** A running reference parser: `pass()` parses every file once and resolves with each file's milliseconds. */
export type PeerParser = { pass: () => Promise<number[]>; close: () => Promise<void> };

export async function startPeerParser(python: string, files: PeerFile[], script = PASS_SCRIPT): Promise<PeerParser> {
  const child = spawn(python, [script], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const failure = (what: string) => {
    const last = stderr.trim().split("\n").at(-1) ?? "";
    return new Error(`${python} ${script}: ${what}${last ? ` (${last})` : ""}`);
  };
  const spawned = new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) => reject(failure(error.message)));
  });
  await spawned;

  const ask = async (request: unknown): Promise<unknown> => {
    child.stdin.write(`${JSON.stringify(request)}\n`);
    const answer = await lines.next();
    if (answer.done) throw failure(`stopped with exit code ${await exited}`);
    return JSON.parse(answer.value) as unknown;
  };

  if ((await ask({ files })) !== "ready") throw failure("did not say it was ready");
  return {
    async pass() {
      const answer = (await ask("pass")) as { ms?: unknown };
      const ms = answer.ms;
      if (!Array.isArray(ms) || ms.length !== files.length || !ms.every((n) => typeof n === "number")) {
        throw failure(`answered a pass with ${JSON.stringify(answer).slice(0, 200)}`);
      }
      return ms as number[];
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}
