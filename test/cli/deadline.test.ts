import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

/** `quash deadline …`, with its JSON answer parsed on demand. */
async function run(...args: string[]) {
  const result = await runCli(["deadline", ...args]);
  return { ...result, json: () => JSON.parse(result.stdout) };
}

describe("quash deadline", () => {
  it("computes a period and prints the result as JSON", async () => {
    const result = await run("--trigger", "2025-07-31", "--days", "30", "--dir", "after", "--service", "mail");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const json = result.json();
    expect(json.due).toBe("2025-09-05");
    expect(json.steps.at(-1)).toMatchObject({ kind: "service-by-mail", citation: "FRCP 6(d)" });
    expect(json.cutoff.at).toBe("2025-09-06T07:00:00Z");
  });

  it("counts backward and takes --flag=value", async () => {
    const result = await run("--trigger=2026-09-14", "--days=7", "--dir=before");
    expect(result.code).toBe(0);
    expect(result.json().due).toBe("2026-09-04");
  });

  it("switches presidential closures and California holidays with --eo and --ca", async () => {
    expect((await run("--trigger", "2024-12-26", "--days", "14", "--dir", "after")).json().due).toBe("2025-01-10");
    expect((await run("--trigger", "2024-12-26", "--days", "14", "--dir", "after", "--eo", "off")).json().due).toBe("2025-01-09");
    const withoutCa = (await run("--trigger", "2026-03-17", "--days", "14", "--dir", "after")).json();
    expect(withoutCa.due).toBe("2026-03-31");
    expect(withoutCa.warnings[0]).toMatchObject({ code: "california-holiday", alternativeDue: "2026-04-01" });
    expect((await run("--trigger", "2026-03-17", "--days", "14", "--dir", "after", "--ca", "on")).json().due).toBe("2026-04-01");
  });

  it("computes a named rule", async () => {
    const result = await run("--rule", "lr-7-3a", "--trigger", "2025-09-18");
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ due: "2025-10-02", rule: { code: "lr-7-3a", citation: "N.D. Cal. Civ. L.R. 7-3(a)" } });
    const appeal = await run("--rule", "frap-4a1b", "--trigger", "2025-11-14");
    expect(appeal.json().due).toBe("2026-01-13");
    const objection = await run("--rule", "frcp-72a", "--trigger", "2025-09-29", "--service", "mail");
    expect(objection.json().due).toBe("2025-10-17");
  });

  it("lists the rules", async () => {
    const result = await run("--list-rules");
    expect(result.code).toBe(0);
    const rules = result.json() as { code: string; computable: boolean }[];
    expect(rules.map((rule) => rule.code)).toContain("lr-7-3c");
    expect(rules.find((rule) => rule.code === "user-notice")).toMatchObject({ computable: false });
  });

  it("gives the user-notice window only as a labelled estimate", async () => {
    const result = await run("--rule", "user-notice", "--trigger", "2025-12-15", "--days", "10");
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ estimate: "2025-12-25", isEstimate: true });
  });

  it.each([
    [["--trigger", "2026-02-30", "--days", "3", "--dir", "after"], "--trigger: 2026-02-30 is not a real date"],
    [["--trigger", "02/03/2026", "--days", "3", "--dir", "after"], "--trigger:"],
    [["--trigger", "2026-02-03", "--days", "-1", "--dir", "after"], "--days: days cannot be negative"],
    [["--trigger", "2026-02-03", "--days", "1001", "--dir", "after"], "--days: days must be at most 1000"],
    [["--trigger", "2026-02-03", "--days", "1.5", "--dir", "after"], "--days:"],
    [["--trigger", "2026-02-03", "--days", "3", "--dir", "sideways"], "--dir:"],
    [["--trigger", "2026-02-03", "--days", "3"], "--dir:"],
    [["--trigger", "2026-02-03", "--days", "3", "--dir", "after", "--service", "fax"], "--service:"],
    [["--trigger", "2026-02-03", "--days", "3", "--dir", "after", "--eo", "maybe"], "--eo:"],
    [["--trigger", "2026-02-03", "--days", "3", "--dir", "after", "--ca", "sometimes"], "--ca:"],
    [["--trigger", "2026-02-03", "--days", "3", "--dir", "after", "--verbose"], "unknown option --verbose"],
    [["--trigger"], "--trigger needs a value"],
    [["--rule", "lr-99", "--trigger", "2025-09-18"], '--rule: unknown rule "lr-99"'],
    [["--rule", "lr-7-3a"], "--rule needs --trigger"],
    [["--rule", "lr-7-3a", "--trigger", "2025-09-18", "--days", "10"], "--days cannot be used with --rule"],
    [["--rule", "lr-7-3a", "--trigger", "2025-09-18", "--dir", "before"], "--dir cannot be used with --rule"],
    [["--rule", "user-notice", "--trigger", "2025-09-18"], "user-notice is recorded as the notice states it"],
    [["--list-rules", "--trigger", "2025-09-18"], "--list-rules takes no other options"],
    [["2025-09-18"], 'unexpected argument "2025-09-18"'],
    [[], "give --trigger, --days and --dir"],
  ])("%j → one line on stderr, exit 2", async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`quash deadline: ${message}`);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
