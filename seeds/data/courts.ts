import type { CourtSeed } from "../types";

/** The courts the record names. Cases whose court is unknown (8, 10) point at none. */
export const COURTS: CourtSeed[] = [
  {
    id: "cand",
    name: "U.S. District Court for the Northern District of California",
    shortName: "N.D. Cal.",
    timeZone: "America/Los_Angeles",
    cites: [{ tag: "S01" }, { tag: "S43" }],
  },
  {
    id: "dcd",
    name: "U.S. District Court for the District of Columbia",
    shortName: "D.D.C.",
    timeZone: "America/New_York",
    cites: [{ tag: "S31g", quote: "Chief Judge James Boasberg (D.D.C.)" }, { tag: "S36c" }],
  },
  {
    id: "med",
    name: "U.S. District Court for the District of Maine",
    shortName: "D. Me.",
    timeZone: "America/New_York",
    cites: [{ tag: "S49" }],
  },
];
