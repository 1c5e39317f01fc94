import { describe, expect, it } from "vitest";
import { DeadlineInputError, estimateNoticeWindow } from "../../server/deadlines";

describe("estimateNoticeWindow", () => {
  it("adds plain calendar days, with no weekend or holiday roll, and says it is an estimate", () => {
    // 2025-12-15 + 10 = Thu 2025-12-25, Christmas: a court deadline would roll, this does not.
    const estimate = estimateNoticeWindow({ noticeDate: "2025-12-15", days: 10 });
    expect(estimate).toMatchObject({ estimate: "2025-12-25", isEstimate: true, rule: "user-notice" });
    expect(estimate.label).toMatch(/^Estimate only: 10 calendar days after the notice of 2025-12-15, not adjusted/);
    expect(estimateNoticeWindow({ noticeDate: "2025-09-10", days: "10" }).estimate).toBe("2025-09-20"); // a Saturday
  });

  it("rejects bad input", () => {
    expect(() => estimateNoticeWindow({ noticeDate: "2025-13-01", days: 10 })).toThrow(DeadlineInputError);
    expect(() => estimateNoticeWindow({ noticeDate: "2025-09-10", days: -3 })).toThrow(/days cannot be negative/);
  });
});
