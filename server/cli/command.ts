/**
 * What every `quash` sub-command gets: its own arguments and the streams to talk through.
 * Commands return an exit code instead of calling process.exit, so tests can run them in-process.
 */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for --password-stdin and piped files). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
};

/** A command's module; its one-line summary is in the table in main.ts, so help loads no module. */
export type CliCommand = {
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

export class UsageError extends Error {}

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
export function parseFlags(
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { positional: string[]; values: Record<string, string>; switches: Set<string> } {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  const valueFlags = new Set(spec.values ?? []);
  const switchFlags = new Set(spec.switches ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (switchFlags.has(name) && eq === -1) {
      switches.add(name);
    } else if (valueFlags.has(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, values, switches };
}
