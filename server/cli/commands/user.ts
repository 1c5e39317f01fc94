import { closeDatabase, openDatabase } from "../../../db/client";
import { USER_ROLES, type UserRole } from "../../../db/schema";
import { createAccounts } from "../../auth/accounts";
import { createAuthRepository } from "../../auth/repository";
import { loadConfig } from "../../config";
import { ValidationError } from "../../errors";
import { systemClock } from "../../shared/clock";
import { EXIT, UsageError, parseFlags, type CliCommand, type CliIo } from "../command";
import { promptSecret } from "../prompt";

const USAGE = `quash user add EMAIL --name NAME --role ${USER_ROLES.join("|")} [--password-stdin]
       quash user disable EMAIL | enable EMAIL | list`;

const CLI_ACTOR = { userId: null, label: "cli" };

/** The password from standard input (one trailing newline dropped), or asked twice on the terminal. */
async function readPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await io.readStdin()).replace(/\r?\n$/, "");
  const first = await promptSecret("Password (at least 12 characters): ");
  const again = await promptSecret("Same password again: ");
  if (first !== again) throw new UsageError("the two passwords differ");
  return first;
}

/** Opens DATABASE_FILE (the same file the server uses) for the length of one command. */
export function withAccounts<T>(io: CliIo, use: (accounts: ReturnType<typeof createAccounts>) => Promise<T>): Promise<T> {
  const db = openDatabase(loadConfig(io.env).databaseFile);
  return use(createAccounts(createAuthRepository(db), systemClock)).finally(() => closeDatabase(db));
}

export const userCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional, values, switches } = parseFlags(args, { values: ["name", "role"], switches: ["password-stdin"] });
    const [action, email, ...extra] = positional;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    switch (action) {
      case "add": {
        if (!email) throw new UsageError("user add needs an EMAIL");
        if (!values["name"]) throw new UsageError("user add needs --name NAME");
        const role = values["role"];
        if (!role || !USER_ROLES.includes(role as UserRole)) throw new UsageError(`--role must be one of ${USER_ROLES.join(", ")}`);
        const password = await readPassword(io, switches.has("password-stdin"));
        return withAccounts(io, async (accounts) => {
          try {
            const user = await accounts.addUser({ email, name: values["name"], role, password }, CLI_ACTOR);
            io.stdout(`Added ${user.email} (${user.name}) as ${user.role}.`);
            return EXIT.ok;
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            io.stderr(`quash user add: ${error.errors.map((e) => `${e.path} ${e.message}`).join("; ")}`);
            return EXIT.failure;
          }
        });
      }
      case "disable":
      case "enable": {
        if (!email) throw new UsageError(`user ${action} needs an EMAIL`);
        return withAccounts(io, async (accounts) => {
          const user = accounts.setDisabled(email, action === "disable", CLI_ACTOR);
          io.stdout(action === "disable" ? `Disabled ${user.email}: signed out everywhere, API tokens refused.` : `Enabled ${user.email}.`);
          return EXIT.ok;
        });
      }
      case "list": {
        return withAccounts(io, async (accounts) => {
          const users = accounts.listUsers();
          if (users.length === 0) io.stdout('No accounts yet. Add the first admin with: quash user add EMAIL --name "NAME" --role admin');
          for (const u of users) io.stdout(`${u.email}\t${u.role}\t${u.disabledAt ? "disabled" : "active"}\t${u.name}`);
          return EXIT.ok;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};
