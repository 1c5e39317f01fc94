import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

const run = (...args: string[]) => runCli(["deadline", ...args]);

describe("quash deadline: edge cases from the acceptance audit", () => {
  it("answers the documented maximum period and a hand-checked backward roll", async () => {
    // 2025-01-01 + 1000 = Tue 2027-09-28.
    const large = await run("--trigger", "2025-01-01", "--days", "1000", "--dir", "after");
    expect(large.code).toBe(0);
    expect(JSON.parse(large.stdout).due).toBe("2027-09-28");
    // 2028-01-01 − 7 = Sat 2027-12-25; Christmas observed Fri 12-24; so Thu 12-23.
    const back = await run("--trigger", "2028-01-01", "--days", "7", "--dir", "before");
    expect(JSON.parse(back.stdout).due).toBe("2027-12-23");
  });

  it("applies FRCP 6(d) to a rule that runs from service: roll, add 3, roll", async () => {
    // Served Sat 2026-08-22; + 14 = Sat 09-05 → Tue 09-08 (Labor Day 09-07); + 3 = Fri 09-11.
    const result = await run("--rule", "frcp-72a", "--trigger", "2026-08-22", "--service", "mail");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).due).toBe("2026-09-11");
  });

  it.each([
    [["--trigger", "1960-01-04", "--days", "14", "--dir", "after"], "--trigger:", "outside the dates"],
    [["--trigger", "2027-02-29", "--days", "14", "--dir", "after"], "--trigger:", "not a real date"],
    [["--trigger", "2026-04-31", "--days", "14", "--dir", "before"], "--trigger:", "not a real date"],
    [["--trigger", "2026-02-03", "--days", "-14", "--dir", "before"], "--days:", "cannot be negative"],
    [["--trigger", "2026-02-03", "--days", "99999", "--dir", "after"], "--days:", "at most 1000"],
    [["--rule", "frcp-72a", "--trigger", "2026-02-30"], "--trigger:", "not a real date"],
    [["--rule", "LR-7-3X", "--trigger", "2026-02-03"], "--rule:", "unknown rule"],
  ])("%j → exit 2, one line naming the flag", async (args, flag, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^quash deadline: ${flag} `));
    expect(lines[0]).toContain(message);
  });
});
