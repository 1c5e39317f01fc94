import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../server/cli/command";
import { main } from "../../server/cli/main";

/** A scratch directory with a DATABASE_FILE path in it; remove it in afterEach. */
export function scratchDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "quash-cli-"));
  return { dir, file: join(dir, "quash.db"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `quash …` in-process against DATABASE_FILE, with what standard input would hold. */
export async function quash(databaseFile: string, args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(...text.replace(/\n$/, "").split("\n")),
    stderr: (text) => err.push(text),
    readStdin: () => Promise.resolve(stdin),
    env: { DATABASE_FILE: databaseFile, LOG_LEVEL: "silent" },
  };
  const code = await main(args, io);
  return { code, lines: out, stdout: out.join("\n"), stderr: err.join("\n") };
}
