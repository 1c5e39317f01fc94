import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../server/cli/main";
import type { CliIo } from "../../server/cli/command";

function fakeIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => "",
    env,
  };
  return { io, out, err };
}

describe("quash db", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "quash-cli-db-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stops with one clear line when the database file is not a database", async () => {
    const file = join(dir, "not-a-db.db");
    writeFileSync(file, "this is a text file, not SQLite\n".repeat(200));
    const { io, err } = fakeIo({ DATABASE_FILE: file });
    expect(await main(["db", "migrate"], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]!.trim().split("\n")).toHaveLength(1);
    expect(err[0]).toContain(`cannot open database ${file}`);
  });

  it("stops with one clear line when the database cannot be created", async () => {
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "");
    const { io, err } = fakeIo({ DATABASE_FILE: join(blocker, "quash.db") });
    expect(await main(["db", "migrate"], io)).toBe(1);
    expect(err[0]!.trim().split("\n")).toHaveLength(1);
    expect(err[0]).toContain("cannot open database");
  });

  it("seeds the file DATABASE_FILE names, and a second seed changes nothing", async () => {
    const file = join(dir, "x.db");
    const first = fakeIo({ DATABASE_FILE: file });
    expect(await main(["db", "seed"], first.io)).toBe(0);
    expect(first.out.join("\n")).toMatch(/Seeded .*x\.db: \d+ /);
    const second = fakeIo({ DATABASE_FILE: file });
    expect(await main(["db", "seed"], second.io)).toBe(0);
    expect(second.out.join("\n")).toContain("Nothing to do");
  });

  it("refuses an unknown action with a usage error", async () => {
    const { io, err } = fakeIo({ DATABASE_FILE: join(dir, "y.db") });
    expect(await main(["db", "explode"], io)).toBe(2);
    expect(err.join("\n")).toContain('unknown action "explode"');
  });
});
