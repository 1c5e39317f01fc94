import { describe, expect, it } from "vitest";
import { californiaHolidayOn } from "../../server/deadlines/california-holidays";
import { formatIsoDate, fromYmd, parseIsoDate } from "../../server/deadlines/civil-date";

const on = (iso: string) => californiaHolidayOn(parseIsoDate(iso)!);

describe("California holidays (Gov. Code § 6700, § 6701; Civ. Proc. Code § 135)", () => {
  it("lists the 2026 weekday holidays, including the ones federal law lacks", () => {
    const found: string[] = [];
    for (let day = fromYmd(2026, 1, 1); day <= fromYmd(2026, 12, 31); day++) {
      const holiday = californiaHolidayOn(day);
      if (holiday) found.push(`${formatIsoDate(day)} ${holiday.name}`);
    }
    expect(found).toEqual([
      "2026-01-01 New Year's Day",
      "2026-01-19 Dr. Martin Luther King, Jr. Day",
      "2026-02-12 Lincoln Day",
      "2026-02-16 Washington's Birthday",
      "2026-02-17 Lunar New Year",
      "2026-03-31 Cesar Chavez Day",
      "2026-04-24 Genocide Remembrance Day",
      "2026-05-25 Memorial Day",
      "2026-06-19 Juneteenth",
      "2026-07-04 Independence Day", // a Saturday: § 6701 moves only Sundays (federal law closes 07-03)
      "2026-09-07 Labor Day",
      "2026-09-09 Admission Day",
      "2026-09-25 Native American Day",
      "2026-10-12 Columbus Day",
      "2026-11-11 Veterans Day",
      "2026-11-26 Thanksgiving Day",
      "2026-11-27 Day after Thanksgiving",
      "2026-12-25 Christmas Day",
    ]);
  });

  it("cites the Code of Civil Procedure for the day after Thanksgiving", () => {
    expect(on("2025-11-28")?.citation).toBe("Cal. Civ. Proc. Code § 135");
    expect(on("2026-03-31")?.citation).toBe("Cal. Gov. Code § 6700(a)");
  });

  it("moves the § 6701 dates from Sunday to Monday", () => {
    expect(on("2023-02-13")?.name).toBe("Lincoln Day");
    expect(on("2024-04-01")?.name).toBe("Cesar Chavez Day");
    expect(on("2029-09-10")?.name).toBe("Admission Day");
    expect(on("2023-11-10")?.name).toBe("Veterans Day"); // Saturday → Friday, § 6701
  });

  it("adds the 2022 session's holidays only from 2023", () => {
    expect(on("2022-04-25")).toBeUndefined();
    expect(on("2022-02-01")).toBeUndefined(); // Lunar New Year 2022
    expect(on("2023-01-23")).toBeUndefined(); // 2023's Lunar New Year fell on Sunday the 22nd
    expect(on("2024-02-10")?.name).toBe("Lunar New Year");
    expect(on("2027-02-06")?.name).toBe("Lunar New Year"); // ICU would say the 7th
  });

  it("leaves out Good Friday's half day", () => {
    expect(on("2026-04-03")).toBeUndefined();
  });
});
