import { readFileSync } from "node:fs";
import { EXIT, UsageError, type CliCommand, type CliIo } from "./command";

/**
 * The `quash` command table. Each entry loads its module only when used, so
 * `quash deadline …` does not open the database or start Fastify.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
  serve: async () => (await import("./commands/serve")).serveCommand,
  db: async () => (await import("./commands/db")).dbCommand,
  deadline: async () => (await import("./commands/deadline")).deadlineCommand,
  user: async () => (await import("./commands/user")).userCommand,
  token: async () => (await import("./commands/token")).tokenCommand,
  import: async () => (await import("./commands/import")).importCommand,
  parse: async () => (await import("./commands/parse")).parseCommand,
  jobs: async () => (await import("./commands/jobs")).jobsCommand,
};

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    readStdin: () => Promise.resolve(readFileSync(0, "utf8")),
    env: process.env,
  };
}

async function help(io: CliIo): Promise<number> {
  io.stdout("Usage: quash <command> [options]\n");
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    io.stdout(`  ${name.padEnd(10)} ${command.summary}`);
  }
  return EXIT.ok;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return help(io);
  const load = commands[name];
  if (!load) {
    io.stderr(`quash: unknown command "${name}" (try "quash help")`);
    return EXIT.usage;
  }
  const command = await load();
  // `quash db backup --help` as much as `quash deadline --help`: every command's usage, from one place.
  if (rest.includes("--help") || rest[0] === "-h") {
    io.stdout(`quash ${name}: ${command.summary}\nUsage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`quash ${name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    io.stderr(`quash ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}

// Run directly (npm start uses `tsx server/cli/main.ts serve`).
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
