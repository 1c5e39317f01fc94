import { describe, expect, it } from "vitest";
import {
  computeDeadline,
  computeRule,
  DeadlineInputError,
  deadlinesForMotion,
  estimateNoticeWindow,
  type DeadlineRequestInput,
} from "../../server/deadlines";

/*
 * Edge cases worked out by hand from ../shared/research/legal-rules.md § 1 and a calendar, none
 * of them copied from examples.json: each comment gives the count, the weekday of the day it
 * lands on, and every day it rolls over. The acceptance set is "of the same kinds" as the
 * examples, so these check the rules in years and on holidays the examples do not use.
 */

const after = (trigger: string, days: number, options: Partial<DeadlineRequestInput> = {}) =>
  computeDeadline({ trigger, days, direction: "after", ...options });
const before = (trigger: string, days: number, options: Partial<DeadlineRequestInput> = {}) =>
  computeDeadline({ trigger, days, direction: "before", ...options });
const kinds = (result: ReturnType<typeof computeDeadline>) => result.steps.map((step) => step.kind);

describe("backward periods (FRCP 6(a)(5)) landing on weekends and holidays", () => {
  it("steps back over a Saturday and the Friday that observes Christmas", () => {
    // 2028-01-01 (Sat) − 7 = Sat 2027-12-25; Christmas is observed Fri 12-24; so Thu 12-23.
    const result = before("2028-01-01", 7);
    expect(result.due).toBe("2027-12-23");
    expect(kinds(result)).toEqual(["count", "weekend", "federal-holiday"]);
  });

  it("steps back over a Monday holiday and the weekend before it", () => {
    // 2026-01-26 (Mon) − 7 = Mon 2026-01-19, MLK Day (3rd Monday); Sun 18, Sat 17; so Fri 01-16.
    expect(before("2026-01-26", 7).due).toBe("2026-01-16");
  });

  it("keeps stepping back from a Sunday through a Friday holiday", () => {
    // 2026-06-28 (Sun) − 7 = Sun 06-21; Sat 06-20; Fri 06-19 Juneteenth; so Thu 06-18.
    expect(before("2026-06-28", 7).due).toBe("2026-06-18");
  });

  it("never steps forward, even when the next open day is nearer", () => {
    // 2026-09-14 (Mon) − 8 = Sun 09-06; Sat 09-05; so Fri 09-04 — not Tue 09-08 after Labor Day.
    expect(before("2026-09-14", 8).due).toBe("2026-09-04");
  });
});

describe("FRCP 6(d): the 6(a) result first, then 3 days, then roll again", () => {
  it("adds the 3 days to the rolled date, not to the raw count", () => {
    // 2026-03-14 + 14 = Sat 03-28 → Mon 03-30; + 3 = Thu 04-02. Adding 17 at once gives Tue 03-31.
    const result = after("2026-03-14", 14, { service: "mail" });
    expect(result.due).toBe("2026-04-02");
    expect(kinds(result)).toEqual(["count", "weekend", "weekend", "service-by-mail"]);
    expect(result.citations).toContain("FRCP 6(d)");
  });

  it("rolls again when the 3 days reach a holiday", () => {
    // 2026-11-09 + 14 = Mon 11-23 (open); + 3 = Thu 11-26 Thanksgiving (4th Thursday); so Fri 11-27.
    const result = after("2026-11-09", 14, { service: "mail" });
    expect(result.due).toBe("2026-11-27");
    expect(result.steps.at(-1)).toMatchObject({ kind: "federal-holiday", from: "2026-11-26" });
    // Fri 11-27 is California's day after Thanksgiving (CCP § 135): the argued date is Mon 11-30.
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "california-holiday", alternativeDue: "2026-11-30" }));
    expect(after("2026-11-09", 14, { service: "mail", caHolidays: true }).due).toBe("2026-11-30");
  });

  it("gives electronic service nothing extra", () => {
    expect(after("2026-03-14", 14, { service: "electronic" }).due).toBe("2026-03-30");
  });
});

describe("New Year's Day observed on December 31 of the year before", () => {
  it.each([
    // Jan 1, 2028 and Jan 1, 2033 are Saturdays: Fri 2027-12-31 and Fri 2032-12-31 are the holiday.
    ["2027-12-17", "2028-01-03"],
    ["2032-12-17", "2033-01-03"],
  ])("%s + 14 lands on the observed Friday and runs to Monday %s", (trigger, due) => {
    const result = after(trigger, 14);
    expect(result.due).toBe(due);
    expect(result.steps[1]!.text).toContain("New Year's Day (observed) — legal holiday, FRCP 6(a)(1)(C)");
  });

  it("moves a backward period off it to Thursday", () => {
    // 2028-01-07 (Fri) − 7 = Fri 2027-12-31, observed; so Thu 12-30.
    expect(before("2028-01-07", 7).due).toBe("2027-12-30");
  });

  it("leaves December 31 alone when January 1 is a weekday", () => {
    // Jan 1, 2027 is a Friday, observed on the day; Thu 2026-12-31 is open.
    expect(after("2026-12-17", 14).due).toBe("2026-12-31");
  });
});

describe("Juneteenth only from 2021", () => {
  it("was an ordinary Friday in 2020, forward or backward", () => {
    expect(after("2020-06-05", 14).due).toBe("2020-06-19");
    expect(before("2020-06-26", 7).due).toBe("2020-06-19");
  });

  it("was observed on Fri 2021-06-18 (June 19 a Saturday), backward too", () => {
    // 2021-06-25 − 7 = Fri 06-18, observed Juneteenth; so Thu 06-17.
    expect(before("2021-06-25", 7).due).toBe("2021-06-17");
  });
});

describe("Inauguration Day: never a holiday here, only a warning", () => {
  it("leaves a deadline on Tue 2037-01-20 where it is, and says why", () => {
    const result = after("2037-01-06", 14);
    expect(result.due).toBe("2037-01-20");
    expect(result.warnings.map((w) => w.code)).toEqual(["inauguration-day"]);
  });

  it("says nothing in other years, or when Jan 20 is a Saturday anyway (2029)", () => {
    expect(after("2034-01-06", 14)).toMatchObject({ due: "2034-01-20", warnings: [] });
    // 2029-01-06 + 14 = Sat 01-20 → Mon 01-22 (MLK Day 2029 was 01-15).
    expect(after("2029-01-06", 14)).toMatchObject({ due: "2029-01-22", warnings: [] });
  });
});

describe("presidential closure days, from the data table, both readings", () => {
  it("rolls over the Dec. 26, 2025 closure and the weekend after it", () => {
    // 2025-12-12 + 14 = Fri 12-26 (closure); Sat, Sun; so Mon 12-29.
    expect(after("2025-12-12", 14).due).toBe("2025-12-29");
    expect(after("2025-12-12", 14, { eoClosures: false }).due).toBe("2025-12-26");
  });

  it("calls the earlier date safe in a backward period, where a closure moves the date earlier", () => {
    // 2025-12-31 − 7 = Wed 12-24 (closure); so Tue 12-23. Without closures: 12-24.
    const on = before("2025-12-31", 7);
    expect(on.due).toBe("2025-12-23");
    const warning = on.warnings.find((w) => w.code === "executive-closure")!;
    expect(warning.alternativeDue).toBe("2025-12-24");
    expect(warning.message).toContain("2025-12-23 is the safe date");
    expect(warning.message).not.toContain("File by 2025-12-24");

    const off = before("2025-12-31", 7, { eoClosures: false });
    expect(off.due).toBe("2025-12-24");
    const offWarning = off.warnings.find((w) => w.code === "executive-closure")!;
    expect(offWarning.alternativeDue).toBe("2025-12-23");
    expect(offWarning.message).toContain("File by 2025-12-23 to be safe");
  });

  it("calls the date without closures safe in a forward period", () => {
    const result = after("2025-12-12", 14);
    expect(result.warnings.find((w) => w.code === "executive-closure")!.message).toContain("File by 2025-12-26 to be safe");
  });
});

describe("California holidays: forward periods only, and an alternative date when not applied", () => {
  it("Admission Day (Sept. 9): safe date kept, the next day offered", () => {
    // 2026-08-26 + 14 = Wed 09-09, Admission Day (Gov. Code § 6700), not federal.
    const off = after("2026-08-26", 14);
    expect(off.due).toBe("2026-09-09");
    expect(off.warnings).toEqual([expect.objectContaining({ code: "california-holiday", alternativeDue: "2026-09-10" })]);
    expect(after("2026-08-26", 14, { caHolidays: true }).due).toBe("2026-09-10");
  });

  it("Lincoln Day chains into a weekend and Washington's Birthday", () => {
    // 2027-01-29 + 14 = Fri 02-12 Lincoln Day; Sat, Sun; Mon 02-15 Washington's Birthday; so Tue 02-16.
    expect(after("2027-01-29", 14, { caHolidays: true }).due).toBe("2027-02-16");
    expect(after("2027-01-29", 14).warnings).toContainEqual(expect.objectContaining({ alternativeDue: "2027-02-16" }));
  });

  it("Native American Day (4th Friday of September)", () => {
    // 2026-09-11 + 14 = Fri 09-25; so Mon 09-28 with California holidays.
    expect(after("2026-09-11", 14, { caHolidays: true }).due).toBe("2026-09-28");
  });

  it("never moves a backward period", () => {
    // 2026-09-16 − 7 = Wed 09-09, Admission Day: stays, whatever the option says.
    expect(before("2026-09-16", 7, { caHolidays: true })).toMatchObject({ due: "2026-09-09", warnings: [] });
  });
});

describe("counts of 0 and large counts, leap years", () => {
  it("0 days is the trigger day, rolled in the period's direction", () => {
    // Sat 2026-07-04; Independence Day observed Fri 07-03.
    expect(after("2026-07-04", 0).due).toBe("2026-07-06");
    expect(before("2026-07-04", 0).due).toBe("2026-07-02");
  });

  it("counts 1000 days, the documented maximum, both ways", () => {
    // 2025-01-01 + 1000 = Tue 2027-09-28. Back 1000 from there = Wed 2025-01-01, New Year's Day → Tue 2024-12-31.
    expect(after("2025-01-01", 1000).due).toBe("2027-09-28");
    expect(before("2027-09-28", 1000).due).toBe("2024-12-31");
  });

  it("counts February 29 in leap years only (2000 and 2028 yes, 2100 no)", () => {
    expect(after("2028-02-15", 14).due).toBe("2028-02-29"); // a Tuesday
    expect(after("2027-03-01", 365).due).toBe("2028-02-29"); // the year spans Feb 29, 2028
    expect(after("2000-02-15", 14).due).toBe("2000-02-29"); // 2000 divisible by 400
    expect(after("2100-02-27", 1).due).toBe("2100-03-01"); // Sun 02-28 → Mon 03-01; no Feb 29 in 2100
    expect(after("2028-02-29", 1).due).toBe("2028-03-01");
  });
});

describe("the e-filing cut-off across DST changes", () => {
  it("is midnight PDT for a period that started in PST, and PST for one that started in PDT", () => {
    // 2026-02-27 + 14 = Fri 03-13, after DST began on 03-08: midnight PDT = 07:00Z.
    expect(after("2026-02-27", 14).cutoff).toMatchObject({ at: "2026-03-14T07:00:00Z", utcOffset: "-07:00" });
    // 2026-10-23 + 14 = Fri 11-06, after DST ended on 11-01: midnight PST = 08:00Z.
    expect(after("2026-10-23", 14).cutoff).toMatchObject({ at: "2026-11-07T08:00:00Z", utcOffset: "-08:00" });
  });

  it("takes the cut-off from the rolled date, not the raw count", () => {
    // 0 days from Sat 2026-03-07 (PST) rolls to Mon 03-09 (PDT).
    expect(after("2026-03-07", 0)).toMatchObject({ due: "2026-03-09", cutoff: { at: "2026-03-10T07:00:00Z" } });
  });
});

describe("invalid input is refused, never answered with a date", () => {
  const base = { trigger: "2026-02-03", days: 14, direction: "after" } as const;
  it.each([
    [{ ...base, trigger: "2026-02-30" }, "trigger"],
    [{ ...base, trigger: "2026-04-31" }, "trigger"],
    [{ ...base, trigger: "2027-02-29" }, "trigger"],
    [{ ...base, trigger: "2100-02-29" }, "trigger"],
    [{ ...base, trigger: "2026-13-01" }, "trigger"],
    [{ ...base, trigger: "2026-00-10" }, "trigger"],
    [{ ...base, trigger: " 2026-02-03" }, "trigger"],
    [{ ...base, days: -14 }, "days"],
    [{ ...base, days: 1001 }, "days"],
    [{ ...base, days: Number.POSITIVE_INFINITY }, "days"],
    [{ trigger: "1971-03-01", days: 100, direction: "before" }, "trigger"], // ends 1970-11-21, before the tables
  ])("%o → error on %s", (input, field) => {
    expect(() => computeDeadline(input as DeadlineRequestInput)).toThrow(DeadlineInputError);
    try {
      computeDeadline(input as DeadlineRequestInput);
    } catch (error) {
      expect((error as DeadlineInputError).field).toBe(field);
    }
  });

  it("accepts a real February 29 as the trigger", () => {
    expect(after("2028-02-29", 14).due).toBe("2028-03-14");
  });
});

describe("the rule catalogue on dates of its own", () => {
  it("L.R. 7-2(a): the hearing floor rolls off Thanksgiving", () => {
    // 2026-10-22 + 35 = Thu 11-26, Thanksgiving; so Fri 11-27.
    expect(computeRule("lr-7-2a", "2026-10-22")).toMatchObject({ due: "2026-11-27", rule: { kind: "hearing-floor" } });
  });

  it("L.R. 7-3(a) and 7-3(c): the reply counts 7 days from when the opposition was due, after its roll", () => {
    // Filed Fri 2026-06-05; + 14 = Fri 06-19 Juneteenth → Mon 06-22; reply 06-22 + 7 = Mon 06-29
    // (not 06-26, which 7 days from the unrolled day or 21 days from filing would give).
    const motion = deadlinesForMotion({ kind: "noticed", dateFiled: "2026-06-05" });
    expect(motion.opposition.due).toBe("2026-06-22");
    expect(motion.reply!.due).toBe("2026-06-29");
    expect(motion.reply!.request.trigger).toBe("2026-06-22");
    expect(motion.earliestHearing!.due).toBe("2026-07-10"); // + 35 = Fri 07-10
    // Mail service of the motion changes nothing: both periods run from filing.
    expect(computeRule("lr-7-3a", "2026-06-05", { service: "mail" }).due).toBe("2026-06-22");
    expect(computeRule("lr-7-3c", "2026-06-22", { service: "mail" }).due).toBe("2026-06-29");
  });

  it("L.R. 7-11: opposition 4 days after filing, deemed submitted the next calendar day", () => {
    // Filed Mon 2026-12-21; + 4 = Fri 12-25 Christmas; Sat, Sun; so Mon 12-28; submitted Tue 12-29.
    const motion = deadlinesForMotion({ kind: "administrative", dateFiled: "2026-12-21" });
    expect(motion.opposition.due).toBe("2026-12-28");
    expect(motion.deemedSubmitted).toBe("2026-12-29");
    expect(motion.reply).toBeUndefined();
  });

  it.each(["frcp-72a", "frcp-72b2"])("%s: 14 days after service, and mail service adds 3 after the roll", (code) => {
    // Served Sat 2026-08-22; + 14 = Sat 09-05; Sun; Mon 09-07 Labor Day; so Tue 09-08.
    // By mail: Tue 09-08 + 3 = Fri 09-11 (17 days in one step would wrongly give Tue 09-08).
    expect(computeRule(code, "2026-08-22").due).toBe("2026-09-08");
    expect(computeRule(code, "2026-08-22", { service: "mail" }).due).toBe("2026-09-11");
  });

  it("consent or declination: 14 days from receipt, so mail adds nothing", () => {
    const result = computeRule("mj-consent", "2026-08-22", { service: "mail" });
    expect(result.due).toBe("2026-09-08");
    expect(result.warnings.map((w) => w.code)).toContain("service-not-applicable");
  });

  it("FRAP 4(a)(1)(B): 60 days after entry, counted under FRAP 26(a)", () => {
    // Entered Tue 2026-10-27; + 60 = Sat 12-26; Sun; so Mon 12-28.
    const result = computeRule("frap-4a1b", "2026-10-27");
    expect(result.due).toBe("2026-12-28");
    expect(result.citations[0]).toBe("FRAP 4(a)(1)(B)");
    expect(result.citations).toContain("FRAP 26(a)(1)(C)");
    expect(result.citations.some((c) => c.startsWith("FRCP"))).toBe(false);
    expect(computeRule("frap-4a1b", "2026-10-27", { service: "mail" }).due).toBe("2026-12-28");
  });

  it("the platform's notice window is recorded, not computed; an estimate is never rolled", () => {
    expect(() => computeRule("user-notice", "2026-06-09")).toThrow(DeadlineInputError);
    // 2026-06-09 + 10 = Fri 06-19, Juneteenth — left there: it is not a court deadline.
    expect(estimateNoticeWindow({ noticeDate: "2026-06-09", days: 10 })).toMatchObject({ estimate: "2026-06-19", isEstimate: true });
  });
});
