import type { CliIo } from "../../server/cli/command";
import { main } from "../../server/cli/main";

/**
 * Runs `quash …` in-process through main's command table, as a shell would, and keeps what
 * it printed: `out` holds each piece written to standard output, `stdout` and `stderr` the
 * pieces joined by newlines.
 */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: () => Promise.resolve(options.stdin ?? ""),
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, out, stdout: out.join("\n"), stderr: err.join("\n") };
}
