import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli";

/** A scratch directory with a DATABASE_FILE path in it; remove it in afterEach. */
export function scratchDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "quash-cli-"));
  return { dir, file: join(dir, "quash.db"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `quash …` in-process against DATABASE_FILE, with what standard input would hold. */
export async function quash(databaseFile: string, args: string[], stdin = "") {
  const result = await runCli(args, { stdin, env: { DATABASE_FILE: databaseFile, LOG_LEVEL: "silent" } });
  // One entry per printed line, whether a command wrote lines one at a time or several at once.
  const lines = result.out.flatMap((text) => text.replace(/\n$/, "").split("\n"));
  return { code: result.code, lines, stdout: lines.join("\n"), stderr: result.stderr };
}
