import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/server";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("the start line names the address the server listens on, and the job runner starts with it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quash-start-"));
  dirs.push(dir);
  const lines: string[] = [];
  const config = loadConfig({ HOST: "127.0.0.1", PORT: "0", DATABASE_FILE: join(dir, "quash.db"), DATA_DIR: dir, LOG_LEVEL: "silent" });
  const { stop, app } = await startServer(config, (line) => lines.push(line));
  try {
    expect(lines.at(-1)).toMatch(/^Quash is serving .*quash\.db at http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.jobs.health().started).toBe(true);
  } finally {
    await stop();
  }
}, 60_000);
