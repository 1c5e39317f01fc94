import { expect, it } from "vitest";

import { allForYear } from "@18f/us-federal-holidays";
import { computeDeadline } from "../../server/deadlines";

/*
 * The calculator against a second, independent implementation of legal-rules.md § 1.7 written
 * here in a few lines, on another holiday source (@18f/us-federal-holidays, which matched the
 * § 6103 reference for 2019–2030 in the research) and the EO table as listed in § 1.8. Random
 * triggers 2018–2036, the periods the rules use, both directions, mail and closures on or off.
 */
const EO = new Set(["2018-12-05", "2018-12-24", "2019-12-24", "2020-12-24", "2024-12-24", "2025-01-09", "2025-12-24", "2025-12-26"]);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const hol = new Set<string>();
// `dateString` is "2016-1-1": not zero-padded, and `date` is local midnight, so pad the text.
for (let y = 2018; y <= 2037; y++) {
  for (const h of allForYear(y, { shiftSaturdayHolidays: true, shiftSundayHolidays: true })) {
    hol.add(
      h.dateString
        .split("-")
        .map((part, i) => part.padStart(i === 0 ? 4 : 2, "0"))
        .join("-"),
    );
  }
}
const closed = (d: Date, eo: boolean) => d.getUTCDay() === 0 || d.getUTCDay() === 6 || hol.has(iso(d)) || (eo && EO.has(iso(d)));
function ref(trigger: string, n: number, dir: "after" | "before", mail: boolean, eo: boolean) {
  const step = dir === "after" ? 1 : -1;
  const d = new Date(trigger + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + step * n);
  while (closed(d, eo)) d.setUTCDate(d.getUTCDate() + step);
  if (mail && dir === "after") {
    d.setUTCDate(d.getUTCDate() + 3);
    while (closed(d, eo)) d.setUTCDate(d.getUTCDate() + 1);
  }
  return iso(d);
}
it("agrees with an independent reference on 5,000 random questions", () => {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let bad = 0,
    n = 0;
  const start = Date.UTC(2018, 2, 1),
    span = Date.UTC(2036, 6, 1) - start;
  for (let i = 0; i < 5000; i++) {
    const trigger = iso(new Date(start + Math.floor((rnd() * span) / 86400000) * 86400000));
    const days = [0, 1, 3, 4, 7, 10, 14, 21, 28, 30, 35, 60, 90][Math.floor(rnd() * 13)]!;
    const dir = rnd() < 0.7 ? "after" : "before";
    const mail = rnd() < 0.3,
      eo = rnd() < 0.7;
    const got = computeDeadline({ trigger, days, direction: dir, service: mail ? "mail" : "electronic", eoClosures: eo }).due;
    const want = ref(trigger, days, dir, mail, eo);
    n++;
    if (got !== want && bad++ < 10) console.log({ trigger, days, dir, mail, eo, got, want });
  }
  expect(n).toBe(5000);
  expect(bad).toBe(0);
});
