import { describe, expect, it } from "vitest";
import { compareFuzzyDates } from "../../server/shared/date-ordering";
import { surnameOf } from "../../server/judges/loaders";
import { inferredView } from "../../server/sources/inferred";
import type { Citation } from "../../server/sources/markers";

describe("compareFuzzyDates", () => {
  it("puts the earlier possible day first, then the more precise date, and unknown dates last", () => {
    const dates = [
      { date: null, precision: "unknown" as const },
      { date: "2025-11-01", precision: "month" as const },
      { date: "2025-11-01", precision: "day" as const },
      { date: "2025-09-02", precision: "weekday" as const },
      { date: "2025-11-01", precision: "range" as const },
    ];
    expect([...dates].sort(compareFuzzyDates)).toEqual([
      { date: "2025-09-02", precision: "weekday" },
      { date: "2025-11-01", precision: "day" },
      { date: "2025-11-01", precision: "range" },
      { date: "2025-11-01", precision: "month" },
      { date: null, precision: "unknown" },
    ]);
  });

  it("treats a date without a precision as an exact day", () => {
    expect(compareFuzzyDates({ date: "2025-11-01", precision: null }, { date: "2025-11-01", precision: "month" })).toBeLessThan(0);
  });
});

describe("surnameOf", () => {
  it("sorts judges by the last word of the name, passing over suffixes", () => {
    expect(surnameOf("Thomas S. Hixson")).toBe("Hixson");
    expect(surnameOf("James E. Boasberg Jr.")).toBe("Boasberg");
    expect(surnameOf("Kang")).toBe("Kang");
  });
});

describe("inferredView", () => {
  const cite = (o: Partial<Citation>): Citation =>
    ({
      id: 1,
      recordType: "event",
      recordId: "1",
      field: null,
      sourceId: 1,
      quote: null,
      verifiedAgainstDocket: false,
      inferred: false,
      inferredReason: null,
      source: { tag: "S01" },
      ...o,
    }) as Citation;

  it("is null when no citation of the field or the record is inferred", () => {
    expect(inferredView([cite({}), cite({ field: "title", inferred: true, inferredReason: "x" })], "date")).toBeNull();
  });

  it("gives the reasons of the field's and the whole record's inferred citations", () => {
    const view = inferredView(
      [
        cite({ field: "date", inferred: true, inferredReason: "Friday after Thursday." }),
        cite({ inferred: true, inferredReason: "Same subpoena." }),
      ],
      "date",
    );
    expect(view).toEqual({ reason: "Friday after Thursday. Same subpoena." });
  });
});
