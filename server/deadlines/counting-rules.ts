/** Which subdivision each step of a count cites, under the civil or the appellate rules. */

/**
 * FRAP 26(a) counts exactly like FRCP 6(a), under its own subdivision numbers; a notice of appeal
 * should cite the appellate rule.
 */
export type CountingRule = "frcp-6" | "frap-26";

export type Citations = {
  count: string;
  roll: string;
  backward: string;
  federalHoliday: string;
  presidentHoliday: string;
  stateHoliday: string;
  lastDay: string;
  service: string;
};

export const CITATIONS: Record<CountingRule, Citations> = {
  "frcp-6": {
    count: "FRCP 6(a)(1)(A)–(B)",
    roll: "FRCP 6(a)(1)(C)",
    backward: "FRCP 6(a)(5)",
    federalHoliday: "FRCP 6(a)(6)(A)",
    presidentHoliday: "FRCP 6(a)(6)(B)",
    stateHoliday: "FRCP 6(a)(6)(C)",
    lastDay: "FRCP 6(a)(4)(A)",
    service: "FRCP 6(d)",
  },
  "frap-26": {
    count: "FRAP 26(a)(1)(A)–(B)",
    roll: "FRAP 26(a)(1)(C)",
    backward: "FRAP 26(a)(5)",
    federalHoliday: "FRAP 26(a)(6)(A)",
    presidentHoliday: "FRAP 26(a)(6)(B)",
    stateHoliday: "FRAP 26(a)(6)(C)",
    lastDay: "FRAP 26(a)(4)(A)",
    service: "FRAP 26(c)",
  },
};
