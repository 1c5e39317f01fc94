import { describe, expect, it } from "vitest";
import { deadlinesForMotion, DeadlineInputError } from "../../server/deadlines";

describe("deadlinesForMotion", () => {
  it("gives a noticed motion's opposition, reply and earliest hearing, each with its rule", () => {
    const motion = deadlinesForMotion({ kind: "noticed", dateFiled: "2025-09-18" });
    expect(motion.opposition).toMatchObject({ due: "2025-10-02", rule: { code: "lr-7-3a", citation: "N.D. Cal. Civ. L.R. 7-3(a)" } });
    expect(motion.reply).toMatchObject({ due: "2025-10-09", rule: { code: "lr-7-3c", citation: "N.D. Cal. Civ. L.R. 7-3(c)" } });
    expect(motion.earliestHearing).toMatchObject({ due: "2025-10-23", rule: { code: "lr-7-2a", kind: "hearing-floor" } });
    expect(motion.deemedSubmitted).toBeUndefined();
  });

  it("counts the reply from the opposition's due date after its roll, not 21 days from filing", () => {
    // Opposition: 2025-12-12 + 14 = Fri 12-26 (closure) → weekend → Mon 12-29. Reply: + 7 = 2026-01-05.
    const motion = deadlinesForMotion({ kind: "noticed", dateFiled: "2025-12-12" });
    expect(motion.opposition.due).toBe("2025-12-29");
    expect(motion.reply?.request.trigger).toBe("2025-12-29");
    expect(motion.reply?.due).toBe("2026-01-05");
    // 21 days straight from filing would be Fri 2026-01-02.
  });

  it("chains from the federal-only opposition date unless California holidays are asked for", () => {
    // 2026-03-17 + 14 = 03-31 (Cesar Chavez Day in California only).
    expect(deadlinesForMotion({ kind: "noticed", dateFiled: "2026-03-17" }).reply?.due).toBe("2026-04-07");
    const withCa = deadlinesForMotion({ kind: "noticed", dateFiled: "2026-03-17", caHolidays: true });
    expect(withCa.opposition.due).toBe("2026-04-01");
    expect(withCa.reply?.due).toBe("2026-04-08");
  });

  it("gives an administrative motion its 4-day opposition and no reply or hearing", () => {
    const motion = deadlinesForMotion({ kind: "administrative", dateFiled: "2025-11-26" });
    expect(motion.opposition).toMatchObject({ due: "2025-12-01", rule: { code: "lr-7-11" } });
    expect(motion.reply).toBeUndefined();
    expect(motion.earliestHearing).toBeUndefined();
    expect(motion.deemedSubmitted).toBe("2025-12-02");
    expect(motion.notes[0]).toMatch(/no reply/);
  });

  it("rejects an unknown kind or a bad date", () => {
    expect(() => deadlinesForMotion({ kind: "emergency" as "noticed", dateFiled: "2025-09-18" })).toThrow(DeadlineInputError);
    expect(() => deadlinesForMotion({ kind: "noticed", dateFiled: "2025-09-31" })).toThrow(/not a real date/);
  });
});
