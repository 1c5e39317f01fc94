import { describe, expect, it } from "vitest";
import { bluebookCitation, bluebookDate } from "../../server/shared/bluebook";

describe("Bluebook citations of court documents", () => {
  it("abbreviates months as table T12 does", () => {
    const months = Array.from({ length: 12 }, (_, i) => bluebookDate({ date: `2025-${String(i + 1).padStart(2, "0")}-05` }));
    expect(months).toEqual([
      "Jan. 5, 2025",
      "Feb. 5, 2025",
      "Mar. 5, 2025",
      "Apr. 5, 2025",
      "May 5, 2025",
      "June 5, 2025",
      "July 5, 2025",
      "Aug. 5, 2025",
      "Sept. 5, 2025",
      "Oct. 5, 2025",
      "Nov. 5, 2025",
      "Dec. 5, 2025",
    ]);
    expect(bluebookDate({ date: "2025-11-01", precision: "month" })).toBe("Nov. 2025");
    expect(bluebookDate({ date: "2025-01-01", precision: "year" })).toBe("2025");
    expect(bluebookDate({ date: "2025-10-13", latest: "2025-10-17", precision: "range" })).toBe("Oct. 2025");
    expect(bluebookDate({ date: "2025-10-27", latest: "2025-11-03", precision: "range" })).toBeNull();
    expect(bluebookDate({ date: null })).toBeNull();
  });

  it("puts the court and the date in one parenthetical after the docket and ECF numbers", () => {
    const cite = bluebookCitation({
      caseName: "Doe v. DHS",
      docketNumber: "3:25-mc-80200-TSH",
      court: "N.D. Cal.",
      ecfNumber: 12,
      date: { date: "2025-09-18" },
    });
    expect(cite.text).toBe("Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 18, 2025)");
    expect(cite.runs[0]).toEqual({ text: "Doe v. DHS", italic: true });
  });

  it("cites a case by its filing date, and leaves out what the record does not know", () => {
    expect(
      bluebookCitation({ caseName: "J. Doe v. DHS", docketNumber: "5:26-mc-80026", court: "N.D. Cal.", date: { date: "2026-02-02" } }).text,
    ).toBe("J. Doe v. DHS, No. 5:26-mc-80026 (N.D. Cal. filed Feb. 2, 2026)");
    expect(
      bluebookCitation({
        caseName: "J. Doe v. DHS",
        docketNumber: null,
        court: "N.D. Cal.",
        date: { date: "2025-10-13", precision: "range" },
      }).text,
    ).toBe("J. Doe v. DHS (N.D. Cal.)");
    expect(
      bluebookCitation({ caseName: "Doe v. DHS", docketNumber: "3:25-mc-1", court: null, ecfNumber: null, date: { date: "2025-09-18" } })
        .text,
    ).toBe("Doe v. DHS, No. 3:25-mc-1 (Sept. 18, 2025)");
    expect(bluebookCitation({ caseName: "Doe v. DHS", docketNumber: null, court: null, date: { date: null } }).text).toBe("Doe v. DHS");
  });
});
