import { describe, expect, it } from "vitest";
import { computeRule, DEADLINE_RULES, DeadlineInputError, findRule } from "../../server/deadlines";

describe("the rule catalogue", () => {
  it("has the rules the tracker needs, each with its citation and what starts the clock", () => {
    expect(DEADLINE_RULES.map((rule) => rule.code)).toEqual([
      "lr-7-2a",
      "lr-7-3a",
      "lr-7-3c",
      "lr-7-11",
      "frcp-72a",
      "frcp-72b2",
      "frcp-72b2-response",
      "mj-consent",
      "frap-4a1b",
      "user-notice",
    ]);
    for (const rule of DEADLINE_RULES) {
      expect(rule.citation, rule.code).not.toBe("");
      expect(rule.summary.length, rule.code).toBeGreaterThan(40);
      expect(rule.trigger, rule.code).toMatch(/^the day/);
    }
  });

  it.each([
    ["lr-7-2a", 35, "N.D. Cal. Civ. L.R. 7-2(a)", false, "hearing-floor"],
    ["lr-7-3a", 14, "N.D. Cal. Civ. L.R. 7-3(a)", false, "filing-deadline"],
    ["lr-7-3c", 7, "N.D. Cal. Civ. L.R. 7-3(c)", false, "filing-deadline"],
    ["lr-7-11", 4, "N.D. Cal. Civ. L.R. 7-11(b)", false, "filing-deadline"],
    ["frcp-72a", 14, "FRCP 72(a)", true, "filing-deadline"],
    ["frcp-72b2", 14, "FRCP 72(b)(2)", true, "filing-deadline"],
    ["mj-consent", 14, "28 U.S.C. § 636(c); N.D. Cal. General Order 44", false, "filing-deadline"],
    ["frap-4a1b", 60, "FRAP 4(a)(1)(B)", false, "filing-deadline"],
  ])("%s: %i days after, %s, runs from service: %s", (code, days, citation, runsFromService, kind) => {
    expect(findRule(code)).toMatchObject({ computable: true, days, direction: "after", citation, runsFromService, kind });
  });

  it.each([
    ["lr-7-3a", "2025-09-18", "2025-10-02"], // example 7
    ["lr-7-3c", "2025-10-02", "2025-10-09"], // example 8
    ["lr-7-2a", "2025-09-18", "2025-10-23"], // example 9
    ["lr-7-11", "2025-11-26", "2025-12-01"], // example 14
    ["lr-7-11", "2026-01-15", "2026-01-20"], // example 15
    ["frcp-72a", "2025-09-29", "2025-10-14"], // example 25
    ["frap-4a1b", "2025-11-14", "2026-01-13"], // example 30
    ["mj-consent", "2025-09-18", "2025-10-02"], // example 32
    ["frcp-72b2", "2025-11-03", "2025-11-17"], // example 33
  ])("%s from %s is due %s", (code, trigger, due) => {
    const result = computeRule(code, trigger);
    expect(result.due).toBe(due);
    expect(result.rule.code).toBe(code);
    expect(result.citations[0]).toBe(findRule(code)!.citation);
  });

  it("adds 6(d)'s 3 days to periods that run from service", () => {
    const result = computeRule("frcp-72a", "2025-09-29", { service: "mail" });
    expect(result.due).toBe("2025-10-17"); // 6(a) gives Tue 10-14 (after Columbus Day), + 3
    expect(result.citations).toContain("FRCP 6(d)");
  });

  it("never adds them to periods that run from filing, and says why", () => {
    const result = computeRule("lr-7-3a", "2025-09-18", { service: "mail" });
    expect(result.due).toBe("2025-10-02");
    expect(result.steps.map((step) => step.kind)).toEqual(["count"]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: "service-not-applicable",
        message: expect.stringContaining("runs from the day the motion was filed"),
      }),
    ]);
  });

  it("counts the notice of appeal under FRAP 26(a)", () => {
    const result = computeRule("frap-4a1b", "2025-10-27"); // day 60 = Fri 2025-12-26, a closure day
    expect(result.citations[0]).toBe("FRAP 4(a)(1)(B)");
    expect(result.citations).toContain("FRAP 26(a)(1)(A)–(B)");
    expect(result.citations).not.toContain("FRCP 6(a)(1)(A)–(B)");
    expect(result.cutoff.citation).toBe("FRAP 26(a)(4)(A)");
    expect(result.due).toBe("2025-12-29");
    expect(result.steps[1]!.text).toContain("FRAP 26(a)(6)(B)");
  });

  it("passes the closure and California options through", () => {
    expect(computeRule("lr-7-3a", "2026-03-17").due).toBe("2026-03-31");
    expect(computeRule("lr-7-3a", "2026-03-17", { caHolidays: true }).due).toBe("2026-04-01");
    expect(computeRule("lr-7-3a", "2024-12-26").due).toBe("2025-01-10");
    expect(computeRule("lr-7-3a", "2024-12-26", { eoClosures: false }).due).toBe("2025-01-09");
  });

  it("finds rules whatever the case", () => {
    expect(findRule(" LR-7-3A ")?.code).toBe("lr-7-3a");
  });

  it("refuses unknown rules and the recorded-only one", () => {
    expect(() => computeRule("lr-99", "2025-09-18")).toThrow(/unknown rule "lr-99"; known rules: lr-7-2a/);
    expect(() => computeRule("user-notice", "2025-09-18")).toThrow(/user-notice is not computed/);
    try {
      computeRule("lr-99", "2025-09-18");
    } catch (error) {
      expect(error).toBeInstanceOf(DeadlineInputError);
      expect((error as DeadlineInputError).field).toBe("rule");
    }
  });

  it("validates the trigger like the calculator", () => {
    expect(() => computeRule("lr-7-3a", "2026-02-30")).toThrow(DeadlineInputError);
  });

  it("describes the user-notice window as recorded, not computed", () => {
    const rule = findRule("user-notice")!;
    expect(rule.computable).toBe(false);
    expect(rule.kind).toBe("private-window");
    if (!rule.computable) expect(rule.why).toMatch(/Record the date exactly as the notice states/);
  });
});
