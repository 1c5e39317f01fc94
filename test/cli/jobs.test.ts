import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { createJobRunner } from "../../server/jobs/runner";
import { systemClock } from "../../server/shared/clock";
import { runCli } from "../support/cli";
import { quash, scratchDatabase } from "./helpers";

describe("quash jobs", () => {
  let scratch: ReturnType<typeof scratchDatabase>;
  afterEach(() => scratch.remove());

  it("lists no jobs on a fresh database and says how polling starts", async () => {
    scratch = scratchDatabase();
    const result = await quash(scratch.file, ["jobs", "list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No jobs yet: polling starts when a case is watched/);
  });

  it("lists a job's schedule, last success and failures as the table holds them", async () => {
    scratch = scratchDatabase();
    const db = openDatabase(scratch.file);
    const runner = createJobRunner({ db, clock: systemClock, owner: "server" });
    runner.register({
      name: "rss-poll:cand",
      schedule: { everyMs: 900_000 },
      run: () => {
        throw new Error("the court's feed answered 503 Service Unavailable");
      },
    });
    await runner.runDue();
    db.$client.close();
    const result = await quash(scratch.file, ["jobs", "list"]);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(
      /^rss-poll:cand\tevery 900s\tnext \S+\tlast success never\tfailing 1× since: the court's feed answered 503 Service Unavailable\t\(not registered now\)$/,
    );
  });

  it("refuses to run a job nobody registered, and a missing name, with the usage", async () => {
    scratch = scratchDatabase();
    const unknown = await quash(scratch.file, ["jobs", "run", "rss-poll:zzz"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('rss-poll:zzz did not run: no job named "rss-poll:zzz" is registered.');
    const missing = await quash(scratch.file, ["jobs", "run"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/jobs run needs the NAME[\s\S]*Usage: quash jobs list \| run NAME/);
  });
});

describe("--help on every command", () => {
  for (const command of ["serve", "db", "deadline", "user", "token", "import", "parse", "jobs"]) {
    it(`quash ${command} --help prints its usage and succeeds`, async () => {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^quash ${command}: .+\\nUsage: quash ${command}`));
    });
  }

  it("also after an action (quash db backup --help) and as -h", async () => {
    expect((await runCli(["db", "backup", "--help"])).stdout).toMatch(/Usage: quash db/);
    expect((await runCli(["deadline", "-h"])).stdout).toMatch(/Usage: quash deadline --trigger DATE/);
  });
});
