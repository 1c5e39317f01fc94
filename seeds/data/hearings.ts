import { weekday } from "../dates";
import type { HearingSeed } from "../types";

/**
 * The one hearing the sources mention. Its date (14 or 21 Jan 2026), whether it was held, and
 * before whom are all open (Q3, Q6).
 */
export const HEARINGS: HearingSeed[] = [
  {
    key: "montco-doe-v-dhs/hearing-on-motion-to-quash",
    case: "montco-doe-v-dhs",
    motion: "montco-doe-v-dhs/motion-to-quash",
    title: "Hearing on the motion to quash the MontCo summonses",
    date: weekday("2026-01-14", "2026-01-21", "Wednesday 14 or 21 Jan 2026 (see Q6)"),
    status: "unknown",
    notes:
      "Ars Technica, listed 14 Jan 2026 (itself a Wednesday), said arguments would be heard \"on Wednesday\" before \"a US district judge\"; the only judge named in the case is Magistrate Judge Kang. DHS withdrew the summonses on 16 Jan. Whether the hearing took place is unknown.",
    cites: [
      { tag: "S13", field: "date" },
      { tag: "S13c", field: "date", quote: "on Wednesday" },
      { tag: "S13c", field: "notes", quote: "a US district judge" },
      { tag: "S14", field: "status" },
    ],
  },
];
