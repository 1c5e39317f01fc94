import { readFileSync } from "node:fs";
import { EXIT, UsageError, type CliCommand, type CliIo } from "./command";

/**
 * The `quash` command table: each command's one-line summary for `quash help`, and its module,
 * loaded only when the command runs, so `quash deadline …` does not open the database or start
 * Fastify, and `quash help` loads none of them.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  serve: {
    summary: "start the tracker (PORT, HOST, DATABASE_FILE, DATA_DIR from the environment)",
    load: async () => (await import("./commands/serve")).serveCommand,
  },
  db: {
    summary: "migrate, seed, back up, drill (check a backup) or restore the database (DATABASE_FILE)",
    load: async () => (await import("./commands/db")).dbCommand,
  },
  deadline: {
    summary: "compute a deadline under FRCP 6 and the N.D. Cal. rules (prints JSON)",
    load: async () => (await import("./commands/deadline")).deadlineCommand,
  },
  user: {
    summary: "add, disable, enable or list staff accounts",
    load: async () => (await import("./commands/user")).userCommand,
  },
  token: {
    summary: "create, revoke or list API tokens (create prints the token alone on its last line)",
    load: async () => (await import("./commands/token")).tokenCommand,
  },
  import: {
    summary: "import PACER docket reports, RSS feeds and NEF e-mails into the database",
    load: async () => (await import("./commands/import")).importCommand,
  },
  parse: {
    summary: "parse PACER files (docket report, RSS feed, NEF e-mail) and print the JSON",
    load: async () => (await import("./commands/parse")).parseCommand,
  },
  jobs: {
    summary: "list the background jobs (court RSS polls, NEF intake…) or run one now",
    load: async () => (await import("./commands/jobs")).jobsCommand,
  },
  guard: {
    summary: "rescan every stored record with the publication guard, holding what it now finds (prints places, never text)",
    load: async () => (await import("./commands/guard")).guardCommand,
  },
  search: {
    summary: "the full-text indexes' segments (status), or merge them back into one each (merge), as the nightly job does",
    load: async () => (await import("./commands/search")).searchCommand,
  },
  routes: {
    summary: "print every route (method, path, guards) from the app's route table; --markdown for docs/routes.md",
    load: async () => (await import("./commands/routes")).routesCommand,
  },
};

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    readStdin: () => Promise.resolve(readFileSync(0, "utf8")),
    env: process.env,
  };
}

function help(io: CliIo): number {
  io.stdout("Usage: quash <command> [options]\n");
  for (const [name, { summary }] of Object.entries(commands)) io.stdout(`  ${name.padEnd(10)} ${summary}`);
  return EXIT.ok;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return help(io);
  const entry = commands[name];
  if (!entry) {
    io.stderr(`quash: unknown command "${name}" (try "quash help")`);
    return EXIT.usage;
  }
  const command = await entry.load();
  // `quash db backup --help` as much as `quash deadline --help`: every command's usage, from one place.
  if (rest.includes("--help") || rest[0] === "-h") {
    io.stdout(`quash ${name}: ${entry.summary}\nUsage: ${command.usage}`);
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

// Run directly from the TypeScript (`tsx server/cli/main.ts …`); bin/quash.js calls main() itself.
if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
