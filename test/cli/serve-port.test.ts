import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import { ListenError, startServer } from "../../server/server";
import { runCli } from "../support/cli";

/** A port someone else is listening on. */
function occupy(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port }, () => resolve(server));
  });
}
const portOf = (server: Server) => (server.address() as { port: number }).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/*
 * First-reader friction (issue 16.6): a start that failed because the port was in use had
 * already created and seeded the database. The port is checked first; if it is taken anyway
 * in the moment before listening, the message says what happened to the database.
 */
describe("starting on a port that is in use", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function scratch() {
    const dir = mkdtempSync(join(tmpdir(), "quash-port-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return { dir, file: join(dir, "quash.db") };
  }

  it("refuses before touching the database, and says so and what to do", async () => {
    const { dir, file } = scratch();
    const other = await occupy();
    cleanup.push(() => close(other));
    const config = loadConfig({ HOST: "127.0.0.1", PORT: String(portOf(other)), DATABASE_FILE: file, DATA_DIR: dir, LOG_LEVEL: "silent" });
    const lines: string[] = [];
    const start = startServer(config, (line) => lines.push(line));
    await expect(start).rejects.toThrow(ListenError);
    await expect(start).rejects.toThrow(
      `cannot listen on 127.0.0.1:${portOf(other)}: another program (perhaps another Quash) is already listening there. Nothing was started and the database was not touched. Stop the other program or set PORT to a free port.`,
    );
    expect(existsSync(file)).toBe(false);
    expect(lines).toEqual([]);
  });

  it("quash serve prints that one line and exits 1", async () => {
    const { dir, file } = scratch();
    const other = await occupy();
    cleanup.push(() => close(other));
    const result = await runCli(["serve"], {
      env: { HOST: "127.0.0.1", PORT: String(portOf(other)), DATABASE_FILE: file, DATA_DIR: dir, LOG_LEVEL: "silent" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^quash serve: cannot listen on 127\.0\.0\.1:\d+: another program .* the database was not touched\./);
    expect(existsSync(file)).toBe(false);
  });

  it("when the port is taken in the moment between the check and listening, says the database was created and loaded", async () => {
    const { dir, file } = scratch();
    const probe = await occupy();
    const port = portOf(probe);
    await close(probe);
    const config = loadConfig({ HOST: "127.0.0.1", PORT: String(port), DATABASE_FILE: file, DATA_DIR: dir, LOG_LEVEL: "silent" });
    // Another program takes the port while this start loads the bundled record (after the check, before listening).
    let other: Promise<Server> | undefined;
    const start = startServer(config, (line) => {
      if (line.startsWith("Loaded the bundled record")) other = occupy(port);
    });
    await expect(start).rejects.toThrow(
      `The database ${file} was created and the bundled record loaded into it; the next start will use it.`,
    );
    cleanup.push(async () => close(await other!));
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});
