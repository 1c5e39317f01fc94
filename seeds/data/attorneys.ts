import type { AttorneySeed } from "../types";

/** Lawyers the sources name. Whether each is counsel of record is decided per representation. */
export const ATTORNEYS: AttorneySeed[] = [
  {
    slug: "jake-snow",
    name: "Jake Snow",
    organization: "aclu-norcal",
    position: "Senior staff attorney",
    cites: [{ tag: "S02" }],
  },
  {
    slug: "joshua-koltun",
    name: "Joshua Koltun",
    // Firm or organisation not stated; a garbled variant of the name appears on an unreliable page (Q13).
    position: "Attorney for the Long Beach Rapid Response Network",
    cites: [{ tag: "S03" }],
  },
  {
    slug: "ariel-shapell",
    name: "Ariel Shapell",
    organization: "aclu-pa",
    position: "Attorney",
    cites: [{ tag: "S13b" }],
  },
  {
    slug: "steve-loney",
    name: "Steve Loney",
    organization: "aclu-pa",
    position: "Senior Supervising Attorney",
    cites: [{ tag: "S15" }],
  },
  {
    slug: "judi-bernstein-baker",
    name: "Judi Bernstein-Baker",
    position: "Attorney who spoke for the Case 5 movant to the Washington Post",
    cites: [{ tag: "S46" }],
  },
  {
    slug: "michael-perloff",
    name: "Michael Perloff",
    organization: "aclu-dc",
    position: "Senior staff attorney",
    cites: [{ tag: "S32b" }],
  },
  {
    slug: "noam-biale",
    name: "Noam Biale",
    position: "Lawyer who filed the ICEBlock suit",
    cites: [{ tag: "S36b" }],
  },
  {
    slug: "aaron-mackey",
    name: "Aaron Mackey",
    organization: "eff",
    position: "Deputy Legal Director",
    cites: [{ tag: "S28" }],
  },
  {
    slug: "mario-trujillo",
    name: "Mario Trujillo",
    organization: "eff",
    position: "Senior staff attorney (commentator)",
    cites: [{ tag: "S29" }],
  },
];
