import { EXIT, UsageError, parseFlags, type CliCommand } from "../command";
import { withAccounts } from "./user";

const USAGE = "quash token create EMAIL [--label LABEL] | revoke ID | list";

export const tokenCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional, values } = parseFlags(args, { values: ["label"] });
    const [action, target, ...extra] = positional;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    switch (action) {
      case "create": {
        if (!target) throw new UsageError("token create needs the EMAIL of the user it acts for");
        return withAccounts(io, async (accounts) => {
          const { token, id, user } = accounts.createToken(target, values["label"] ?? null);
          io.stdout(`Created API token #${id} for ${user.email} (${user.role}). It is shown only now; only its hash is kept.`);
          io.stdout("Send it as: Authorization: Bearer <token>. Revoke it with: quash token revoke " + id);
          // Alone on the last line, so a script can take it with `tail -n 1`.
          io.stdout(token);
          return EXIT.ok;
        });
      }
      case "revoke": {
        if (!target || !/^\d+$/.test(target)) throw new UsageError("token revoke needs the token's number (see quash token list)");
        return withAccounts(io, async (accounts) => {
          accounts.revokeToken(Number(target));
          io.stdout(`Revoked API token #${target}.`);
          return EXIT.ok;
        });
      }
      case "list": {
        return withAccounts(io, async (accounts) => {
          for (const { token, user } of accounts.listTokens()) {
            const state = token.revokedAt ? `revoked ${token.revokedAt}` : `last used ${token.lastUsedAt ?? "never"}`;
            io.stdout(`#${token.id}\t${token.prefix}…\t${user.email}\t${token.label ?? ""}\t${state}`);
          }
          return EXIT.ok;
        });
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};
