import { loadConfig } from "../../config";
import { startServer } from "../../server";
import { EXIT, parseFlags, type CliCommand } from "../command";

export const serveCommand: CliCommand = {
  usage: "quash serve",
  async run(args, io) {
    parseFlags(args, {});
    const config = loadConfig(io.env);
    const { stop } = await startServer(config, io.stdout);
    await new Promise<void>((resolve) => {
      const shutdown = () => resolve();
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
    await stop();
    return EXIT.ok;
  },
};
