import { describe, expect, it } from "vitest";
import { computeDeadline, DeadlineInputError, DeadlineRequest, type DeadlineRequestInput } from "../../server/deadlines";

const after = (trigger: string, days: number, options: Partial<DeadlineRequestInput> = {}) =>
  computeDeadline({ trigger, days, direction: "after", ...options });
const before = (trigger: string, days: number, options: Partial<DeadlineRequestInput> = {}) =>
  computeDeadline({ trigger, days, direction: "before", ...options });

describe("FRCP 6(a) counting and rolling", () => {
  it("explains each move with the holiday's name and the rule", () => {
    const result = after("2025-12-11", 14, { eoClosures: false });
    expect(result.due).toBe("2025-12-26");
    expect(result.steps.map((step) => step.text)).toEqual([
      "2025-12-11 + 14 days = 2025-12-25 (the trigger day left out, every day counted), FRCP 6(a)(1)(A)–(B)",
      "2025-12-25 Christmas Day — legal holiday, FRCP 6(a)(1)(C)",
    ]);
    expect(result.citations).toEqual(["FRCP 6(a)(1)(A)–(B)", "FRCP 6(a)(1)(C)", "FRCP 6(a)(6)(A)", "5 U.S.C. § 6103", "FRCP 6(a)(4)(A)"]);
  });

  it("names weekends and observed holidays as it steps over them", () => {
    const result = after("2021-12-17", 14); // day 14 = Fri 2021-12-31, New Year's Day 2022 observed
    expect(result.due).toBe("2022-01-03");
    expect(result.steps.slice(1).map((step) => [step.kind, step.from])).toEqual([
      ["federal-holiday", "2021-12-31"],
      ["weekend", "2022-01-01"],
      ["weekend", "2022-01-02"],
    ]);
    expect(result.steps[1]!.text).toBe("2021-12-31 New Year's Day (observed) — legal holiday, FRCP 6(a)(1)(C)");
  });

  it.each([
    ["2021-06-04", "2021-06-21"], // day 14 = Fri 2021-06-18, the first Juneteenth (observed)
    ["2022-06-06", "2022-06-21"], // day 14 = Mon 2022-06-20, observed
    ["2026-06-19", "2026-07-06"], // day 14 = Fri 2026-07-03, Independence Day observed
    ["2023-10-27", "2023-11-13"], // day 14 = Fri 2023-11-10, Veterans Day observed
    ["2028-10-27", "2028-11-13"], // day 14 = Fri 2028-11-10
    ["2029-10-29", "2029-11-13"], // day 14 = Mon 2029-11-12
    ["2022-12-12", "2022-12-27"], // day 14 = Mon 2022-12-26, Christmas observed
  ])("rolls off the observed holiday: %s + 14 → %s", (trigger, due) => {
    expect(after(trigger, 14).due).toBe(due);
  });

  it("does not know Juneteenth before 2021", () => {
    expect(after("2020-06-05", 14).due).toBe("2020-06-19"); // a Friday, an ordinary day then
  });

  it("counts backward periods and rolls them to the previous open day (6(a)(5))", () => {
    const result = before("2026-09-14", 7); // day 7 = Labor Day
    expect(result.due).toBe("2026-09-04");
    expect(result.steps[1]!.text).toContain("counting backward, to the day before (FRCP 6(a)(5))");
    expect(result.citations).toContain("FRCP 6(a)(5)");
    expect(before("2022-01-07", 7).due).toBe("2021-12-30"); // day 7 = Dec 31, New Year's observed
  });

  it("takes 0 days to mean the trigger day itself, still rolled", () => {
    expect(after("2026-06-20", 0).due).toBe("2026-06-22");
    expect(after("2026-06-22", 0).due).toBe("2026-06-22");
  });
});

describe("FRCP 6(d): 3 days for mail-type service, added after the 6(a) roll", () => {
  it("rolls first, then adds, then rolls again (example 35)", () => {
    const result = after("2025-07-31", 30, { service: "mail" });
    expect(result.due).toBe("2025-09-05");
    // Adding 33 days in one go would land on Tue 2025-09-02: the wrong answer.
    expect(after("2025-07-31", 33).due).toBe("2025-09-02");
    expect(result.steps.map((step) => step.kind)).toEqual(["count", "weekend", "weekend", "federal-holiday", "service-by-mail"]);
    expect(result.steps[4]).toMatchObject({ from: "2025-09-02", to: "2025-09-05", citation: "FRCP 6(d)" });
    expect(result.citations).toContain("FRCP 6(d)");
  });

  it("rolls the date the 3 days reach", () => {
    const result = after("2026-06-08", 10, { service: "mail" }); // Thu 06-18 + 3 = Sun 06-21
    expect(result.due).toBe("2026-06-22");
    expect(result.steps.map((step) => step.kind)).toEqual(["count", "service-by-mail", "weekend"]);
  });

  it("adds nothing to a backward period, and says so", () => {
    const result = before("2026-09-14", 7, { service: "mail" });
    expect(result.due).toBe("2026-09-04");
    expect(result.warnings.map((warning) => warning.code)).toContain("service-not-applicable");
  });

  it("adds nothing for electronic service (since Dec. 1, 2016)", () => {
    expect(after("2016-11-18", 7).due).toBe("2016-11-25");
    expect(after("2016-11-18", 7, { service: "electronic" }).steps.map((s) => s.kind)).toEqual(["count"]);
  });
});

describe("days the President closed the executive departments (6(a)(6)(B))", () => {
  it.each([
    ["2018-11-21", "2018-12-05", "2018-12-06"],
    ["2024-12-10", "2024-12-24", "2024-12-26"], // 12-24 closure, then Christmas
    ["2024-12-26", "2025-01-09", "2025-01-10"],
    ["2025-12-10", "2025-12-24", "2025-12-29"], // 12-24, Christmas, 12-26, weekend
  ])("%s + 14: %s with closures off, %s with them on", (trigger, off, on) => {
    expect(after(trigger, 14, { eoClosures: false }).due).toBe(off);
    expect(after(trigger, 14, { eoClosures: true }).due).toBe(on);
    expect(after(trigger, 14).due).toBe(on); // on by default
  });

  it("offers the earlier date as the safe alternative when closures count", () => {
    const result = after("2024-12-26", 14);
    expect(result.steps[1]).toMatchObject({ kind: "executive-closure", from: "2025-01-09" });
    expect(result.citations).toContain("FRCP 6(a)(6)(B)");
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "executive-closure", alternativeDue: "2025-01-09" }));
  });

  it("offers the later date when closures are off", () => {
    const result = after("2024-12-26", 14, { eoClosures: false });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "executive-closure", alternativeDue: "2025-01-10" }));
  });

  it("moves backward periods too", () => {
    expect(before("2026-01-09", 14).due).toBe("2025-12-23"); // 12-26 closure, Christmas, 12-24 closure
    expect(before("2026-01-09", 14, { eoClosures: false }).due).toBe("2025-12-26");
  });

  it("warns that closures before 2018 are not recorded", () => {
    expect(after("2007-08-22", 10).warnings.map((w) => w.code)).toContain("closures-not-recorded");
    expect(after("2007-08-22", 10, { eoClosures: false }).warnings).toEqual([]);
    expect(after("2025-09-18", 14).warnings).toEqual([]);
  });
});

describe("California holidays (6(a)(6)(C)): forward periods only, an alternative unless asked for", () => {
  it("keeps the federal-only date and offers the later one (Cesar Chavez Day)", () => {
    const result = after("2026-03-17", 14);
    expect(result.due).toBe("2026-03-31");
    expect(result.warnings).toEqual([expect.objectContaining({ code: "california-holiday", alternativeDue: "2026-04-01" })]);
    expect(result.warnings[0]!.message).toContain("2026-03-31 Cesar Chavez Day");
  });

  it("extends the deadline when asked, offering the federal-only date back", () => {
    const result = after("2026-03-17", 14, { caHolidays: true });
    expect(result.due).toBe("2026-04-01");
    expect(result.steps[1]).toMatchObject({ kind: "california-holiday", from: "2026-03-31" });
    expect(result.citations).toEqual(expect.arrayContaining(["FRCP 6(a)(6)(C)", "Cal. Gov. Code § 6700"]));
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "california-holiday", alternativeDue: "2026-03-31" }));
  });

  it("counts the day after Thanksgiving (Civ. Proc. Code § 135) and chains with 6(d)", () => {
    expect(after("2025-11-14", 14, { caHolidays: true }).due).toBe("2025-12-01");
    // 6(a) lands on Fri 2016-11-25, a California holiday, before the 3 mail days are added.
    expect(after("2016-11-18", 7, { service: "mail", caHolidays: true }).due).toBe("2016-12-01");
    expect(after("2016-11-18", 7, { service: "mail" }).warnings).toContainEqual(
      expect.objectContaining({ code: "california-holiday", alternativeDue: "2016-12-01" }),
    );
  });

  it("never moves a backward period, and offers no alternative for one", () => {
    for (const trigger of ["2026-04-14", "2025-12-12"]) {
      // 14 days before lands on Cesar Chavez Day 2026 / the day after Thanksgiving 2025
      const off = before(trigger, 14);
      const on = before(trigger, 14, { caHolidays: true });
      expect(on.due).toBe(off.due);
      expect(on.steps.map((step) => step.kind)).toEqual(["count"]);
      expect(on.warnings).toEqual([]);
    }
    expect(before("2026-04-14", 14, { caHolidays: true }).due).toBe("2026-03-31");
  });
});

describe("Inauguration Day", () => {
  it("is not a holiday in N.D. Cal.; a deadline landing on it stays, with a warning", () => {
    const result = after("2033-01-06", 14);
    expect(result.due).toBe("2033-01-20");
    expect(result.warnings).toEqual([expect.objectContaining({ code: "inauguration-day" })]);
    expect(result.warnings[0]!.message).toContain("not a legal holiday in N.D. Cal.");
    expect(before("2033-01-27", 7).warnings.map((w) => w.code)).toEqual(["inauguration-day"]);
  });

  it("says nothing when the date rolls past it anyway (2025, MLK Day)", () => {
    const result = after("2025-01-06", 14);
    expect(result.due).toBe("2025-01-21");
    expect(result.warnings).toEqual([]);
  });
});

describe("result shape", () => {
  it("echoes the question with defaults filled in, and gives the weekday and cut-off", () => {
    const result = after("2025-09-18", 14);
    expect(result.request).toEqual({
      trigger: "2025-09-18",
      days: 14,
      direction: "after",
      service: "electronic",
      eoClosures: true,
      caHolidays: false,
    });
    expect(result.weekday).toBe("Thursday");
    expect(result.cutoff.at).toBe("2025-10-03T07:00:00Z");
  });

  it("gives cut-offs on the right side of DST changes", () => {
    expect(after("2025-12-26", 14).cutoff.at).toBe("2026-01-10T08:00:00Z"); // due 2026-01-09, PST
    expect(after("2026-02-23", 14).cutoff).toMatchObject({ at: "2026-03-10T07:00:00Z", utcOffset: "-07:00" }); // due Mon 03-09, just after DST starts
    expect(after("2025-10-20", 14).cutoff).toMatchObject({ at: "2025-11-04T08:00:00Z", utcOffset: "-08:00" }); // due Mon 11-03, just after DST ends
  });
});

describe("bad input is an error, never a date", () => {
  const base = { trigger: "2026-02-03", days: 14, direction: "after" } as const;

  it.each([
    [{ ...base, trigger: "2026-02-30" }, "trigger", "not a real date"],
    [{ ...base, trigger: "2026-2-3" }, "trigger", "YYYY-MM-DD"],
    [{ ...base, trigger: "yesterday" }, "trigger", "YYYY-MM-DD"],
    [{ days: 14, direction: "after" }, "trigger", "required"],
    [{ ...base, days: -1 }, "days", "negative"],
    [{ ...base, days: 2.5 }, "days", "whole number"],
    [{ ...base, days: 1001 }, "days", "at most 1000"],
    [{ ...base, days: "ten" }, "days", "whole number"],
    [{ ...base, days: Number.NaN }, "days", "whole number"],
    [{ ...base, direction: "around" }, "direction", '"after" or "before"'],
    [{ ...base, service: "pigeon" }, "service", '"electronic" or "mail"'],
    [{ ...base, eoClosures: "sometimes" }, "eoClosures", "on or off"],
    [{ ...base, caHolidays: 2 }, "caHolidays", "on or off"],
    [{ ...base, trigger: "1960-01-04" }, "trigger", "outside the dates the holiday tables cover"],
    [{ ...base, trigger: "2300-01-04" }, "trigger", "outside the dates the holiday tables cover"],
  ])("%o → DeadlineInputError on %s", (input, field, message) => {
    const attempt = () => computeDeadline(input as DeadlineRequestInput);
    expect(attempt).toThrow(DeadlineInputError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({
        field,
        name: "DeadlineInputError",
        statusCode: 400,
        errors: [{ path: field, message: (error as Error).message }],
      });
      expect((error as Error).message).toContain(message);
    }
  });

  it("accepts the strings forms and the CLI send", () => {
    const request = DeadlineRequest.parse({ trigger: "2026-03-17", days: "14", direction: "after", eoClosures: "off", caHolidays: "on" });
    const result = computeDeadline(request);
    expect(result.request).toMatchObject({ days: 14, eoClosures: false, caHolidays: true });
    expect(result.due).toBe("2026-04-01");
  });
});
