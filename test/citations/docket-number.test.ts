import { describe, expect, it } from "vitest";
import { parseDocketNumber } from "../../server/citations/docket-number";

describe("parseDocketNumber", () => {
  it("splits a miscellaneous number without initials", () => {
    expect(parseDocketNumber("5:26-mc-80026")).toMatchObject({
      office: "5",
      year: "26",
      type: "mc",
      serial: "80026",
      judgeInitials: null,
      core: "5:26-mc-80026",
    });
  });

  it("keeps judge initials apart from the core number", () => {
    const parsed = parseDocketNumber("3:23-mc-80155-TSH");
    expect(parsed?.judgeInitials).toBe("TSH");
    expect(parsed?.core).toBe("3:23-mc-80155");
  });

  it("reads assigned and referred initials and a defendant number", () => {
    const parsed = parseDocketNumber("1:02-cr-05210-AWI-DLB-1");
    expect(parsed).toMatchObject({ judgeInitials: "AWI-DLB", defendantNumber: "1", core: "1:02-cr-05210" });
  });

  it("matches the same case after reassignment", () => {
    expect(parseDocketNumber("3:25-mc-80200-TSH")?.core).toBe(parseDocketNumber("3:25-mc-80200-PHK")?.core);
  });

  it("refuses text that is not a docket number", () => {
    expect(parseDocketNumber("unknown")).toBeNull();
    expect(parseDocketNumber("MDL No. 2168")).toBeNull();
    expect(parseDocketNumber("")).toBeNull();
  });
});
